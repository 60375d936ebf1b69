package dev.lamina.keras;

import static dev.lamina.keras.KerasFixtures.array;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamina.keras.KerasFixtures.Layer;
import dev.lamina.runtime.Model;
import dev.lamina.runtime.interpreter.Interpreter;
import dev.lamina.runtime.io.NdArray;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Functional Keras models with several inputs, branches and merges, written in Lamina's graph syntax. */
class FunctionalImportTest {
    @TempDir
    Path dir;

    @Test
    void aModelWithTwoInputsIsWrittenWithNamedInputsSourcesAndAMerge() throws Exception {
        Path file = KerasFixtures.legacyModel(
                dir.resolve("sensor.h5"),
                KerasFixtures.TWO_INPUTS,
                "2.3.1",
                "tensorflow",
                KerasFixtures.TWO_INPUT_WEIGHTS);
        ImportedModel model = KerasImporter.importModel(file, null);
        assertThat(model.specText())
                .isEqualTo(
                        """
                        // Imported by lamina import from sensor.h5 (HDF5 model file, Keras 2.3.1, tensorflow backend).
                        // Keras model 'sensor' (Model); weights in Sensor.weights.
                        model Sensor {
                          input seq [3, 2]  // InputLayer 'seq' (None, 3, 2)
                          input side [2]    // InputLayer 'side' (None, 2)
                          conv = seq -> conv1d(2, 2, name=conv)
                          side_dense = side -> dense(2, name=side_dense)
                          gap = conv -> global_average_pooling1d(name=gap)
                          [gap, side_dense] -> concatenate(name=merged)
                          dense(1, use_bias=false, name=out)
                        }
                        """);
        assertThat(model.kerasInputs()).containsExactly("seq", "side");
        assertThat(model.model().spec().inputs().stream().map(i -> i.name())).containsExactly("seq", "side");
        assertThat(model.newInterpreter().predict(new float[][] {KerasFixtures.SEQ, KerasFixtures.SIDE}, 1))
                .containsExactly(6);
        // KerasWeights.load matches by Keras's layer order, which the spec keeps
        Model loaded = new Interpreter(model.model().spec(), 3);
        KerasWeights.load(file, loaded);
        assertThat(loaded.predict(new float[][] {KerasFixtures.SEQ, KerasFixtures.SIDE}, 1))
                .containsExactly(6);
    }

    @Test
    void aResidualBlockNamesTheInputItReadsAgain() throws Exception {
        String config =
                """
                {"module": "keras", "class_name": "Functional", "config": {"name": "residual", "layers": [
                  {"module": "keras.layers", "class_name": "InputLayer", "config": {"batch_shape": [null, 3, 2],
                    "dtype": "float32", "name": "x"}, "name": "x", "inbound_nodes": []},
                  {"module": "keras.layers", "class_name": "Conv1D", "config": {"name": "conv", "filters": 2,
                    "kernel_size": [1], "padding": "same", "activation": "relu", "use_bias": false}, "name": "conv",
                    "inbound_nodes": [{"args": [%s], "kwargs": {}}]},
                  {"module": "keras.layers", "class_name": "Add", "config": {"name": "skip"}, "name": "skip",
                    "inbound_nodes": [{"args": [[%s, %s]], "kwargs": {}}]},
                  {"module": "keras.layers", "class_name": "GlobalMaxPooling1D", "config": {"name": "pool"},
                    "name": "pool", "inbound_nodes": [{"args": [%s], "kwargs": {}}]}],
                  "input_layers": [["x", 0, 0]], "output_layers": [["pool", 0, 0]]}}
                """
                        .formatted(tensor("x"), tensor("x"), tensor("conv"), tensor("skip"));
        Map<String, List<NdArray>> groups = new LinkedHashMap<>();
        groups.put("conv1d", List.of(array(new int[] {1, 2, 2}, 2, 0, 0, -1)));
        Path file = KerasFixtures.keras3Archive(dir.resolve("res.keras"), config, "3.8.0", groups);
        ImportedModel model = KerasImporter.importModel(file, null);
        assertThat(model.specText())
                .contains(
                        """
                          input x [3, 2]  // InputLayer 'x' (None, 3, 2)
                          conv = conv1d(2, 1, padding=same, activation=relu, use_bias=false, name=conv)
                          [x, conv] -> add(name=skip)
                          global_max_pooling1d(name=pool)
                        }
                        """);
        // x + relu(x * [2, -1]) per step: [1, 1] -> [3, 1], [2, -3] -> [6, -3], [-1, 4] -> [-1, 4]
        float[] y = model.newInterpreter().predict(new float[] {1, 1, 2, -3, -1, 4}, 1);
        assertThat(y).containsExactly(6, 4);
    }

    @Test
    void everyMergeClassMapsToItsLaminaLayer() throws Exception {
        StringBuilder layers = new StringBuilder();
        layers.append(inputLayer("a")).append(", ").append(inputLayer("b"));
        List<String> merged = List.of("Add", "Subtract", "Multiply", "Average", "Maximum", "Minimum");
        for (String kind : merged) {
            layers.append(", {\"name\": \"")
                    .append(kind.toLowerCase())
                    .append("_ab\", \"class_name\": \"")
                    .append(kind)
                    .append("\", \"config\": {\"name\": \"")
                    .append(kind.toLowerCase())
                    .append("_ab\"}, \"inbound_nodes\": [[[\"a\", 0, 0, {}], [\"b\", 0, 0, {}]]]}");
        }
        layers.append(", {\"name\": \"all\", \"class_name\": \"Concatenate\", \"config\": {\"name\": \"all\","
                + " \"axis\": 1}, \"inbound_nodes\": [[");
        for (int i = 0; i < merged.size(); i++) {
            layers.append(i > 0 ? ", " : "")
                    .append("[\"")
                    .append(merged.get(i).toLowerCase())
                    .append("_ab\", 0, 0, {}]");
        }
        layers.append("]]}");
        String config = "{\"class_name\": \"Functional\", \"config\": {\"name\": \"merges\", \"layers\": [" + layers
                + "], \"input_layers\": [[\"a\", 0, 0], [\"b\", 0, 0]], \"output_layers\": [[\"all\", 0, 0]]}}";
        Path file = KerasFixtures.legacyModel(
                dir.resolve("merges.h5"), config, "2.10.0", "tensorflow", List.of(Layer.empty("a")));
        ImportedModel model = KerasImporter.importModel(file, null);
        assertThat(model.specText())
                .contains(
                        """
                          input a [2]  // InputLayer 'a' (None, 2)
                          input b [2]  // InputLayer 'b' (None, 2)
                          add_ab = [a, b] -> add(name=add_ab)
                          subtract_ab = [a, b] -> subtract(name=subtract_ab)
                          multiply_ab = [a, b] -> multiply(name=multiply_ab)
                          average_ab = [a, b] -> average(name=average_ab)
                          maximum_ab = [a, b] -> maximum(name=maximum_ab)
                          minimum_ab = [a, b] -> minimum(name=minimum_ab)
                          [add_ab, subtract_ab, multiply_ab, average_ab, maximum_ab, minimum_ab] -> concatenate(axis=1, name=all)
                        }
                        """);
        float[] y = model.newInterpreter().predict(new float[][] {{1, -2}, {4, 3}}, 1);
        assertThat(y).containsExactly(5, 1, -3, -5, 4, -6, 2.5f, 0.5f, 4, 3, 1, -2);
    }

    @Test
    void aSharedLayerIsRefusedNamingTheLayer() throws Exception {
        String config =
                """
                {"class_name": "Functional", "config": {"name": "siamese", "layers": [
                  %s, %s,
                  {"name": "encoder", "class_name": "Dense", "config": {"name": "encoder", "units": 2},
                    "inbound_nodes": [[["a", 0, 0, {}]], [["b", 0, 0, {}]]]},
                  {"name": "diff", "class_name": "Subtract", "config": {"name": "diff"},
                    "inbound_nodes": [[["encoder", 0, 0, {}], ["encoder", 1, 0, {}]]]}
                ], "input_layers": [["a", 0, 0], ["b", 0, 0]], "output_layers": [["diff", 0, 0]]}}
                """
                        .formatted(inputLayer("a"), inputLayer("b"));
        Path file = KerasFixtures.legacyModel(
                dir.resolve("siamese.h5"), config, "2.10.0", "tensorflow", List.of(Layer.empty("a")));
        assertThatThrownBy(() -> KerasImporter.importModel(file, null))
                .isInstanceOfSatisfying(UnsupportedKerasException.class, e -> {
                    assertThat(e.layerName()).isEqualTo("encoder");
                    assertThat(e.kerasClass()).isEqualTo("Dense");
                    assertThat(e.option()).contains("a shared layer (called 2 times in model 'siamese')");
                })
                .hasMessage("layer 'encoder' (Dense): a shared layer (called 2 times in model 'siamese') is not"
                        + " supported; each Lamina layer is called once, with weights of its own; give each call its"
                        + " own layer in Keras, or share the weights after the import");
    }

    @Test
    void aModelWithTwoOutputsIsRefused() throws Exception {
        String config =
                """
                {"class_name": "Functional", "config": {"name": "two_heads", "layers": [
                  %s,
                  {"name": "h1", "class_name": "Dense", "config": {"name": "h1", "units": 1},
                    "inbound_nodes": [[["a", 0, 0, {}]]]},
                  {"name": "h2", "class_name": "Dense", "config": {"name": "h2", "units": 1},
                    "inbound_nodes": [[["a", 0, 0, {}]]]}
                ], "input_layers": [["a", 0, 0]], "output_layers": [["h1", 0, 0], ["h2", 0, 0]]}}
                """
                        .formatted(inputLayer("a"));
        Path file = KerasFixtures.legacyModel(
                dir.resolve("heads.h5"), config, "2.10.0", "tensorflow", List.of(Layer.empty("a")));
        assertThatThrownBy(() -> KerasImporter.importModel(file, null))
                .isInstanceOf(UnsupportedKerasException.class)
                .hasMessage("model 'two_heads' (Functional): it has 2 outputs (h1, h2); a Lamina model has one"
                        + " output; Lamina imports functional models with one output whose layers are each called"
                        + " once");
    }

    @Test
    void aDenseCalledOnTwoTensorsIsRefused() throws Exception {
        String config =
                """
                {"class_name": "Functional", "config": {"name": "m", "layers": [
                  %s, %s,
                  {"name": "d", "class_name": "Dense", "config": {"name": "d", "units": 1},
                    "inbound_nodes": [[["a", 0, 0, {}], ["b", 0, 0, {}]]]}
                ], "input_layers": [["a", 0, 0], ["b", 0, 0]], "output_layers": [["d", 0, 0]]}}
                """
                        .formatted(inputLayer("a"), inputLayer("b"));
        Path file = KerasFixtures.legacyModel(
                dir.resolve("m.h5"), config, "2.10.0", "tensorflow", List.of(Layer.empty("a")));
        assertThatThrownBy(() -> KerasImporter.importModel(file, null))
                .hasMessage("layer 'd' (Dense) is called on 2 tensors (a, b); Lamina's dense takes one");
    }

    @Test
    void inputNamesThatAreNoLaminaNamesAreRewritten() throws Exception {
        String config =
                """
                {"class_name": "Functional", "config": {"name": "m", "layers": [
                  %s, %s,
                  {"name": "sum", "class_name": "Add", "config": {"name": "sum"},
                    "inbound_nodes": [[["input", 0, 0, {}], ["2nd-input", 0, 0, {}]]]}
                ], "input_layers": [["input", 0, 0], ["2nd-input", 0, 0]], "output_layers": [["sum", 0, 0]]}}
                """
                        .formatted(inputLayer("input"), inputLayer("2nd-input"));
        Path file = KerasFixtures.legacyModel(
                dir.resolve("m.h5"), config, "2.10.0", "tensorflow", List.of(Layer.empty("input")));
        ImportedModel model = KerasImporter.importModel(file, null);
        assertThat(model.specText())
                .contains("  input input_ [2]       // InputLayer 'input' (None, 2)\n"
                        + "  input t_2nd_input [2]  // InputLayer '2nd-input' (None, 2)\n"
                        + "  [input_, t_2nd_input] -> add(name=sum)\n");
        assertThat(model.kerasInputs()).containsExactly("input", "2nd-input");
        assertThat(model.newInterpreter().predict(new float[][] {{1, 2}, {10, 20}}, 1))
                .containsExactly(11, 22);
    }

    private static String inputLayer(String name) {
        return "{\"name\": \"" + name + "\", \"class_name\": \"InputLayer\", \"config\": {\"batch_input_shape\":"
                + " [null, 2], \"dtype\": \"float32\", \"name\": \"" + name + "\"}, \"inbound_nodes\": []}";
    }

    private static String tensor(String layer) {
        return "{\"class_name\": \"__keras_tensor__\", \"config\": {\"shape\": [null, 3, 2], \"dtype\": \"float32\","
                + " \"keras_history\": [\"" + layer + "\", 0, 0]}}";
    }
}
