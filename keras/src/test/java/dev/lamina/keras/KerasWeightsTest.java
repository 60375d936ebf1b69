package dev.lamina.keras;

import static dev.lamina.keras.KerasFixtures.array;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamina.compiler.LaminaCompiler;
import dev.lamina.runtime.Model;
import dev.lamina.runtime.interpreter.Interpreter;
import dev.lamina.runtime.io.NdArray;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link KerasWeights#load}: Keras weights into a Lamina model written by hand, all or nothing. */
class KerasWeightsTest {
    /** A spec whose layer names differ from Keras's: weights are matched by class and position. */
    private static final String SPEC =
            """
            model Scorer {
              input [4, 1]
              conv1d(2, 2, name=features)
              global_max_pooling1d
              dense(3, activation=relu, name=hidden)
              dense(1, use_bias=false, name=score)
            }
            """;

    @TempDir
    Path dir;

    private static Model scorer() {
        return new Interpreter(
                LaminaCompiler.compile("scorer.lamina", SPEC).models().get(0).spec(), 3);
    }

    private static Map<String, List<NdArray>> keras3Groups() {
        Map<String, List<NdArray>> groups = new LinkedHashMap<>();
        groups.put("conv1d", List.of(array(new int[] {2, 1, 2}, 1, 0, 0, 1), array(new int[] {2}, 0, 1)));
        groups.put("dense", List.of(array(new int[] {2, 3}, 1, 0, 1, 0, 1, 1), array(new int[] {3}, 0, 0, -10)));
        groups.put("dense_1", List.of(array(new int[] {3, 1}, 1, 10, 100)));
        return groups;
    }

    @Test
    void loadsKeras3WeightsByClassAndPosition() throws Exception {
        Path file = KerasFixtures.keras3Weights(dir.resolve("model.weights.h5"), keras3Groups());
        Model model = scorer();
        KerasWeights.load(file, model);
        assertThat(model.parameter("features/kernel").value()).containsExactly(1, 0, 0, 1);
        assertThat(model.parameter("hidden/bias").value()).containsExactly(0, 0, -10);
        assertThat(model.parameter("score/kernel").value()).containsExactly(1, 10, 100);
        // steps [1, 2, 3, 4]: conv features (x[t], x[t+1] + 1) -> max (3, 5) -> hidden relu (3, 5, 0) -> 53
        assertThat(model.predict(new float[] {1, 2, 3, 4}, 1)).containsExactly(53);
    }

    @Test
    void loadsAKerasArchiveAndLegacyWeightsFilesToo() throws Exception {
        Path archive = KerasFixtures.keras3Archive(
                dir.resolve("scorer.keras"),
                "{\"class_name\": \"Sequential\", \"config\": {\"layers\": []}}",
                "3.1.1",
                keras3Groups());
        Model fromArchive = scorer();
        KerasWeights.load(archive, fromArchive);
        assertThat(fromArchive.predict(new float[] {1, 2, 3, 4}, 1)).containsExactly(53);

        List<NdArray> conv = keras3Groups().get("conv1d");
        List<NdArray> hidden = keras3Groups().get("dense");
        Path legacy = KerasFixtures.legacyWeights(
                dir.resolve("weights.h5"),
                "2.3.1",
                "tensorflow",
                List.of(
                        KerasFixtures.Layer.kernelAndBias("conv1d_7", conv.get(0), conv.get(1)),
                        KerasFixtures.Layer.empty("global_max_pooling1d_2"),
                        KerasFixtures.Layer.kernelAndBias("dense_5", hidden.get(0), hidden.get(1)),
                        new KerasFixtures.Layer(
                                "dense_6",
                                List.of(new KerasFixtures.Weight(
                                        "dense_6/kernel:0",
                                        keras3Groups().get("dense_1").get(0))))));
        Model fromLegacy = scorer();
        KerasWeights.load(legacy, fromLegacy);
        assertThat(fromLegacy.predict(new float[] {1, 2, 3, 4}, 1)).containsExactly(53);
    }

    @Test
    void weightsForAnotherModelAreRefusedAndNothingChanges() throws Exception {
        Map<String, List<NdArray>> groups = keras3Groups();
        groups.put("dense", List.of(array(new int[] {2, 4}, new float[8]), array(new int[] {4}, new float[4])));
        Path file = KerasFixtures.keras3Weights(dir.resolve("other.weights.h5"), groups);
        Model model = scorer();
        float[] before = model.parameter("hidden/kernel").value().clone();
        assertThatThrownBy(() -> KerasWeights.load(file, model))
                .isExactlyInstanceOf(KerasImportException.class)
                .hasMessage("the weights in " + file + " do not match the model (2 differences):\n"
                        + "  layer 'hidden' (Dense): kernel has shape (2, 4) in the file, the model needs (2, 3)\n"
                        + "  layer 'hidden' (Dense): bias has shape (4,) in the file, the model needs (3,)");
        assertThat(model.parameter("hidden/kernel").value()).containsExactly(before);
        assertThat(model.parameter("features/kernel").value()).doesNotContain(1f);
    }

    @Test
    void aFileWithWeightsForMoreLayersIsRefused() throws Exception {
        Map<String, List<NdArray>> groups = keras3Groups();
        groups.put("dense_2", List.of(array(new int[] {1, 1}, 1)));
        Path file = KerasFixtures.keras3Weights(dir.resolve("more.weights.h5"), groups);
        assertThatThrownBy(() -> KerasWeights.load(file, scorer()))
                .hasMessage(file + " holds weights in /layers/dense_2/vars that no layer of the model takes; the"
                        + " config and the weights disagree");
    }
}
