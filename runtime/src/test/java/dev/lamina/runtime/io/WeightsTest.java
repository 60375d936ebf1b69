package dev.lamina.runtime.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamina.runtime.Model;
import dev.lamina.runtime.ModelWeights;
import dev.lamina.runtime.Parameter;
import dev.lamina.runtime.interpreter.Interpreter;
import dev.lamina.runtime.spec.Activation;
import dev.lamina.runtime.spec.InputSpec;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.ModelSpec;
import dev.lamina.runtime.spec.Padding;
import dev.lamina.runtime.spec.Shape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeightsTest {
    @TempDir
    Path dir;

    private static Model model(int filters, int units, long seed) {
        return new Interpreter(
                ModelSpec.sequential(
                        "m",
                        new InputSpec(Shape.of(6, 2), false),
                        List.of(
                                new LayerSpec.Conv1D("conv", filters, 3, 1, Padding.VALID, 1, true, Activation.RELU),
                                new LayerSpec.Flatten("flat"),
                                new LayerSpec.Dense("out", units, true, Activation.LINEAR)),
                        Optional.empty()),
                seed);
    }

    private static List<float[]> values(Model model) {
        List<float[]> values = new ArrayList<>();
        for (Parameter p : model.parameters()) {
            values.add(p.value().clone());
        }
        return values;
    }

    /** Moving statistics are weights too: saved, loaded, and what inference reads. */
    @Test
    void savesAndLoadsNonTrainableMovingStatistics() throws Exception {
        ModelSpec spec = ModelSpec.sequential(
                "bn",
                new InputSpec(Shape.of(4, 2), false),
                List.of(
                        new LayerSpec.Dense("d", 3, false, Activation.LINEAR),
                        new LayerSpec.BatchNormalization("bn", 0.5, 0.001, true, true)),
                Optional.empty());
        Model trained = new Interpreter(spec, 1);
        float[] x = {1, 2, 3, 4, 5, 6, 7, 8, -1, 2, -3, 4, 0, 1, 2, 3};
        trained.trainStep(x, new float[24], 2);
        assertThat(trained.parameter("bn/moving_mean").value()).isNotEqualTo(new float[3]);
        Path file = dir.resolve("bn.lmnw");
        ModelWeights.save(trained, file);
        assertThat(Weights.read(file).keySet())
                .containsExactly("d/kernel", "bn/gamma", "bn/beta", "bn/moving_mean", "bn/moving_variance");

        Model fresh = new Interpreter(spec, 2);
        ModelWeights.load(fresh, file);

        assertThat(values(fresh)).usingRecursiveComparison().isEqualTo(values(trained));
        assertThat(fresh.predict(x, 2)).containsExactly(trained.predict(x, 2));
    }

    @Test
    void savesAndLoadsEveryParameterExactly() throws Exception {
        Model trained = model(4, 2, 1);
        Path file = dir.resolve("w.lmnw");
        ModelWeights.save(trained, file);
        Model fresh = model(4, 2, 2);
        assertThat(values(fresh).get(0)).isNotEqualTo(values(trained).get(0));

        ModelWeights.load(fresh, file);

        for (int i = 0; i < trained.parameters().size(); i++) {
            assertThat(fresh.parameters().get(i).value())
                    .containsExactly(values(trained).get(i));
        }
        assertThat(Files.list(dir).toList()).containsExactly(file);
        // magic, version 1, 4 tensors, then "conv/kernel" of shape (3, 2, 4)
        byte[] bytes = Files.readAllBytes(file);
        assertThat(Arrays.copyOf(bytes, 16)).containsExactly('L', 'M', 'N', 'W', 1, 0, 0, 0, 4, 0, 0, 0, 11, 0, 0, 0);
        assertThat(new String(bytes, 16, 11, java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("conv/kernel");
    }

    @Test
    void refusesWeightsOfAnotherModelListingEveryDifferenceAndChangesNothing() throws Exception {
        Path file = dir.resolve("other.lmnw");
        ModelWeights.save(model(3, 5, 1), file);
        Model model = model(4, 2, 2);
        List<float[]> before = values(model);

        assertThatThrownBy(() -> ModelWeights.load(model, file))
                .isInstanceOf(WeightsFormatException.class)
                .hasMessage(file + " does not match model m (4 differences):\n"
                        + "  shape mismatch for conv/kernel: the model has (3, 2, 4), the file (3, 2, 3)\n"
                        + "  shape mismatch for conv/bias: the model has (4,), the file (3,)\n"
                        + "  shape mismatch for out/kernel: the model has (16, 2), the file (12, 5)\n"
                        + "  shape mismatch for out/bias: the model has (2,), the file (5,)");
        for (int i = 0; i < before.size(); i++) {
            assertThat(model.parameters().get(i).value()).containsExactly(before.get(i));
        }
    }

    @Test
    void listsMissingAndUnexpectedTensors() throws Exception {
        Path file = dir.resolve("renamed.lmnw");
        Model model = model(4, 2, 2);
        var tensors = new java.util.LinkedHashMap<String, dev.lamina.runtime.io.NdArray>();
        for (Parameter p : model.parameters()) {
            String key = p.key().equals("out/bias") ? "dense/bias" : p.key();
            tensors.put(key, new dev.lamina.runtime.io.NdArray(p.shape().dims(), p.value()));
        }
        Weights.write(file, tensors);

        assertThatThrownBy(() -> ModelWeights.load(model, file))
                .hasMessage(file + " does not match model m (2 differences):\n"
                        + "  missing out/bias (2,)\n"
                        + "  unexpected dense/bias (2,)");
    }

    @Test
    void refusesTruncatedOrCorruptFilesAndChangesNothing() throws Exception {
        Path file = dir.resolve("w.lmnw");
        Model model = model(4, 2, 1);
        ModelWeights.save(model, file);
        byte[] bytes = Files.readAllBytes(file);
        Model target = model(4, 2, 2);
        List<float[]> before = values(target);

        Files.write(file, Arrays.copyOf(bytes, bytes.length - 3));
        assertThatThrownBy(() -> ModelWeights.load(target, file))
                .isInstanceOf(WeightsFormatException.class)
                .hasMessage(file + " is corrupt: truncated data of tensor out/bias");

        Files.write(file, Arrays.copyOf(bytes, 10));
        assertThatThrownBy(() -> ModelWeights.load(target, file)).hasMessage(file + " is truncated (10 bytes)");

        byte[] wrongMagic = bytes.clone();
        wrongMagic[0] = 'X';
        Files.write(file, wrongMagic);
        assertThatThrownBy(() -> ModelWeights.load(target, file))
                .hasMessage(file + " is not a Lamina weights file (it does not start with LMNW)");

        Files.write(file, Arrays.copyOf(bytes, bytes.length + 2));
        assertThatThrownBy(() -> ModelWeights.load(target, file))
                .hasMessage(file + " is corrupt: 2 unexpected bytes after the last tensor");

        for (int i = 0; i < before.size(); i++) {
            assertThat(target.parameters().get(i).value()).containsExactly(before.get(i));
        }
    }

    @Test
    void writesTheExampleOfTheFormatDocument() throws Exception {
        Path file = dir.resolve("c1d.lmnw");
        Weights.write(file, java.util.Map.of("c1d/kernel", new NdArray(new int[] {2, 1, 1}, new float[] {1, 2})));
        byte[] expected = {
            'L',
            'M',
            'N',
            'W',
            1,
            0,
            0,
            0,
            1,
            0,
            0,
            0,
            10,
            0,
            0,
            0,
            'c',
            '1',
            'd',
            '/',
            'k',
            'e',
            'r',
            'n',
            'e',
            'l',
            3,
            0,
            0,
            0,
            2,
            0,
            0,
            0,
            1,
            0,
            0,
            0,
            1,
            0,
            0,
            0,
            0,
            0,
            (byte) 0x80,
            0x3f,
            0,
            0,
            0,
            0x40
        };
        assertThat(Files.readAllBytes(file)).containsExactly(expected);
        assertThat(Weights.read(file).get("c1d/kernel"))
                .isEqualTo(new NdArray(new int[] {2, 1, 1}, new float[] {1, 2}));
    }
}
