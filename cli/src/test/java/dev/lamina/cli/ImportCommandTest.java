package dev.lamina.cli;

import static dev.lamina.keras.KerasFixtures.array;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.keras.KerasFixtures;
import dev.lamina.runtime.io.NdArray;
import dev.lamina.runtime.io.Npy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code lamina import}: the files and summary it writes, predict on its output, and its refusals. */
class ImportCommandTest {
    /** The seed toy model in Keras 3: a conv1d with one filter of size 2 and no bias. */
    private static final String TOY_CONFIG =
            """
            {"module": "keras", "class_name": "Sequential", "config": {"name": "sequential", "layers": [
              {"module": "keras.layers", "class_name": "InputLayer", "config": {"batch_shape": [null, 4, 1],
                "dtype": "float32", "sparse": false, "name": "input_layer"}},
              {"module": "keras.layers", "class_name": "%s", "config": {"name": "toy_conv", "dtype": "float32",
                "filters": 1, "kernel_size": [2], "strides": [1], "padding": "valid", "data_format": "channels_last",
                "dilation_rate": [1], "groups": 1, "activation": "linear", "use_bias": false, "units": 1}}]}}
            """;

    @TempDir
    Path dir;

    private Path toyArchive(String layerClass) throws IOException {
        return KerasFixtures.keras3Archive(
                dir.resolve("toy_model.keras"),
                TOY_CONFIG.formatted(layerClass),
                "3.6.0",
                Map.of("conv1d", List.of(array(new int[] {2, 1, 1}, 1, 2))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"generated", "interpreter"})
    void importsAKerasArchiveAndPredictRunsOnTheResult(String engine) throws IOException {
        Path archive = toyArchive("Conv1D");
        Path out = dir.resolve("models");
        CliRun run = CliRun.of("import", archive.toString(), "-d", out.toString());
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .isEqualTo("Imported toy_model.keras (Keras archive, Keras 3.6.0)\n"
                        + "wrote " + out.resolve("ToyModel.lamina") + "\n"
                        + "wrote " + out.resolve("ToyModel.weights") + "\n"
                        + "\n"
                        + "Model: \"ToyModel\"\n"
                        + "_".repeat(66) + "\n"
                        + " Layer (type)                 Output Shape              Param #\n"
                        + "=".repeat(66) + "\n"
                        + " toy_conv (Conv1D)            (None, 3, 1)              2\n"
                        + "=".repeat(66) + "\n"
                        + "Total params: 2\n"
                        + "Trainable params: 2\n"
                        + "Non-trainable params: 0\n"
                        + "_".repeat(66) + "\n");
        assertThat(Files.readString(out.resolve("ToyModel.lamina")))
                .isEqualTo(
                        """
                        // Imported by lamina import from toy_model.keras (Keras archive, Keras 3.6.0).
                        // Keras model 'sequential' (Sequential); weights in ToyModel.weights.
                        model ToyModel {
                          input [4, 1]  // InputLayer 'input_layer' (None, 4, 1)
                          conv1d(1, 2, use_bias=false, name=toy_conv)
                        }
                        """);
        Path x = dir.resolve("x.npy");
        Npy.write(x, new NdArray(new int[] {1, 4, 1}, new float[] {0, 3, 4, 5}));
        CliRun predict = CliRun.of(
                "predict",
                out.resolve("ToyModel.lamina").toString(),
                "--weights",
                out.resolve("ToyModel.weights").toString(),
                "--x",
                x.toString(),
                "--engine",
                engine);
        assertThat(predict.err()).isEmpty();
        assertThat(predict.out()).isEqualTo("6.0,11.0,14.0\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"generated", "interpreter"})
    void aFunctionalModelWithTwoInputsIsImportedAndPredictTakesOneFilePerInput(String engine) throws IOException {
        Path model = KerasFixtures.legacyModel(
                dir.resolve("sensor.h5"),
                KerasFixtures.TWO_INPUTS,
                "2.3.1",
                "tensorflow",
                KerasFixtures.TWO_INPUT_WEIGHTS);
        CliRun run = CliRun.of("import", model.toString(), "-d", dir.toString());
        assertThat(run.err()).isEmpty();
        assertThat(run.out())
                .contains(" side_dense (Dense)            (None, 2)                 6           side[0][0]\n")
                .contains(" merged (Concatenate)          (None, 4)                 0           gap[0][0],"
                        + " side_dense[0][0]\n");
        Path seq = dir.resolve("seq.npy");
        Npy.write(seq, new NdArray(new int[] {2, 3, 2}, new float[] {1, 2, 3, 4, 5, 6, 0, 0, 2, 2, 4, 4}));
        Path side = dir.resolve("side.npy");
        Npy.write(side, new NdArray(new int[] {2, 2}, new float[] {1, 2, 3, 0}));
        Path y = dir.resolve("y.npy");
        CliRun predict = CliRun.of(
                "predict",
                dir.resolve("Sensor.lamina").toString(),
                "--weights",
                dir.resolve("Sensor.weights").toString(),
                "--x",
                "side=" + side,
                "--x",
                "seq=" + seq,
                "--out",
                y.toString(),
                "--engine",
                engine);
        assertThat(predict.err()).isEmpty();
        assertThat(predict.exitCode()).isZero();
        NdArray predicted = Npy.read(y);
        assertThat(predicted.shape()).containsExactly(2, 1);
        assertThat(predicted.data()).containsExactly(6, 9);
        CliRun missing = CliRun.of(
                "predict",
                dir.resolve("Sensor.lamina").toString(),
                "--weights",
                dir.resolve("Sensor.weights").toString(),
                "--x",
                "seq=" + seq);
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("model Sensor has 2 inputs (seq, side); missing --x side=FILE");
    }

    @Test
    void anArchitectureJsonWithWeightsIsImportedUnderTheGivenName() throws IOException {
        Path json = Files.writeString(dir.resolve("arch.json"), TOY_CONFIG.formatted("Conv1D"));
        Path weights = KerasFixtures.keras3Weights(
                dir.resolve("toy.weights.h5"), Map.of("conv1d", List.of(array(new int[] {2, 1, 1}, 1, 2))));
        CliRun run = CliRun.of(
                "import", json.toString(), "--weights", weights.toString(), "--name", "Seed", "-d", dir.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .startsWith("Imported arch.json with toy.weights.h5 (architecture JSON and Keras 3 HDF5 weights,"
                        + " Keras version not recorded)\nwrote " + dir.resolve("Seed.lamina") + "\n");
        assertThat(dir.resolve("Seed.weights")).exists();
    }

    @Test
    void anUnsupportedLayerIsOneErrorAndNothingIsWritten() throws IOException {
        Path archive = toyArchive("LSTM");
        Path out = dir.resolve("models");
        CliRun run = CliRun.of("import", archive.toString(), "-d", out.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .isEqualTo("lamina: layer 'toy_conv' (LSTM): Keras LSTM layers are not supported; Lamina imports"
                        + " Activation, Add, Average, AveragePooling1D, Concatenate, Conv1D, Dense, Dropout, ELU,"
                        + " Embedding, Flatten, GlobalAveragePooling1D, GlobalMaxPooling1D, InputLayer, MaxPooling1D,"
                        + " Maximum, Minimum, Multiply, ReLU, RepeatVector, Reshape, Softmax, Subtract,"
                        + " ThresholdedReLU\n"
                        + "nothing was written\n");
        assertThat(out).doesNotExist();
    }

    @Test
    void aJsonWithoutWeightsIsRefused() throws IOException {
        Path json = Files.writeString(dir.resolve("arch.json"), TOY_CONFIG.formatted("Conv1D"));
        CliRun run = CliRun.of("import", json.toString(), "-d", dir.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .isEqualTo("lamina: " + json + " is a model's architecture JSON (model.to_json()), which has no"
                        + " weights: give the weights file too, e.g. lamina import " + json
                        + " --weights weights.h5\nnothing was written\n");
    }

    @Test
    void aNameThatIsNoModelNameIsAUsageError() throws IOException {
        CliRun run = CliRun.of("import", toyArchive("Conv1D").toString(), "--name", "my-model");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .startsWith("--name my-model is not a model name: use letters, digits and _, starting with a letter");
    }

    @Test
    void helpDescribesTheCommand() {
        CliRun run = CliRun.of("help", "import");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .startsWith("Usage: lamina import [-hV] [-d=DIR] [--name=NAME] [--weights=W] MODEL_FILE\n")
                .contains("The format is told from the file's first bytes, not its name.");
    }
}
