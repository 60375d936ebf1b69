package dev.lamina.keras;

import static dev.lamina.keras.KerasFixtures.array;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamina.keras.KerasFixtures.Layer;
import dev.lamina.runtime.Model;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The importer on small Keras files written in Keras's layouts: specs, weights, outputs and refusals. */
class KerasImporterTest {
    /** Keras 2.0 style: the Sequential config is the layer list; the first layer has batch_input_shape. */
    static final String SEQUENTIAL_2_0 =
            """
            {"class_name": "Sequential", "config": [
              {"class_name": "Dense", "config": {"name": "hidden", "trainable": true, "batch_input_shape": [null, 2],
                "dtype": "float32", "units": 3, "activation": "relu", "use_bias": true,
                "kernel_regularizer": {"class_name": "L1L2", "config": {"l1": 0.0, "l2": 0.01}}}},
              {"class_name": "Dropout", "config": {"name": "drop", "trainable": true, "rate": 0.25}},
              {"class_name": "Dense", "config": {"name": "out", "trainable": false, "units": 1,
                "activation": "linear", "use_bias": false}}
            ]}
            """;

    /** The same model as a Keras 2 functional model (class Model, inbound_nodes as nested lists). */
    static final String FUNCTIONAL_2 =
            """
            {"class_name": "Model", "config": {"name": "chain", "layers": [
              {"name": "x", "class_name": "InputLayer", "config": {"batch_input_shape": [null, 2], "dtype": "float32",
                "sparse": false, "name": "x"}, "inbound_nodes": []},
              {"name": "hidden", "class_name": "Dense", "config": {"name": "hidden", "units": 3, "activation": "relu",
                "use_bias": true}, "inbound_nodes": [[["x", 0, 0, {}]]]},
              {"name": "drop", "class_name": "Dropout", "config": {"name": "drop", "rate": 0.25},
                "inbound_nodes": [[["hidden", 0, 0, {}]]]},
              {"name": "out", "class_name": "Dense", "config": {"name": "out", "units": 1, "use_bias": false},
                "inbound_nodes": [[["drop", 0, 0, {}]]]}
            ], "input_layers": [["x", 0, 0]], "output_layers": [["out", 0, 0]]}}
            """;

    /** hidden: kernel [[1, 0, 2], [0, 1, -1]], bias [0.5, 0, 0]; out: kernel [1, 2, 3]. */
    static final List<Layer> TINY_WEIGHTS = List.of(
            Layer.kernelAndBias("hidden", array(new int[] {2, 3}, 1, 0, 2, 0, 1, -1), array(new int[] {3}, 0.5f, 0, 0)),
            Layer.empty("drop"),
            new Layer("out", List.of(new KerasFixtures.Weight("out/kernel:0", array(new int[] {3, 1}, 1, 2, 3)))));

    /** relu([1.5, 2, 0]) . [1, 2, 3] = 5.5 and relu([-0.5, 1, -3]) . [1, 2, 3] = 2. */
    static final float[] TINY_X = {1, 2, -1, 1};

    static final float[] TINY_Y = {5.5f, 2f};

    @TempDir
    Path dir;

    @Test
    void importsALegacySequentialModelWithItsNamesAndMappingNotes() throws Exception {
        Path file =
                KerasFixtures.legacyModel(dir.resolve("tiny.h5"), SEQUENTIAL_2_0, "2.0.6", "tensorflow", TINY_WEIGHTS);
        ImportedModel model = KerasImporter.importModel(file, null);
        assertThat(model.name()).isEqualTo("Tiny");
        assertThat(model.specText())
                .isEqualTo(
                        """
                        // Imported by lamina import from tiny.h5 (HDF5 model file, Keras 2.0.6, tensorflow backend).
                        // Keras model 'sequential' (Sequential); weights in Tiny.weights.
                        model Tiny {
                          input [2]                               // batch_input_shape of layer 'hidden' (None, 2)
                          dense(3, activation=relu, name=hidden)  // training-only kernel_regularizer not imported
                          dropout(0.25, name=drop)
                          dense(1, use_bias=false, name=out)      // frozen in Keras (trainable=false); Lamina trains every layer
                        }
                        """);
        assertThat(model.weights().keySet()).containsExactly("hidden/kernel", "hidden/bias", "out/kernel");
        assertThat(model.newInterpreter().predict(TINY_X, 2)).containsExactly(TINY_Y);
    }

    @Test
    void aFunctionalChainBecomesASequentialSpec() throws Exception {
        Path file =
                KerasFixtures.legacyModel(dir.resolve("chain.h5"), FUNCTIONAL_2, "2.3.1", "tensorflow", TINY_WEIGHTS);
        ImportedModel model = KerasImporter.importModel(file, "Chain");
        assertThat(model.specText())
                .contains("// Keras model 'chain' (Model); weights in Chain.weights.")
                .contains("input [2]  // InputLayer 'x' (None, 2)\n  dense(3, activation=relu, name=hidden)\n");
        assertThat(model.newInterpreter().predict(TINY_X, 2)).containsExactly(TINY_Y);
    }

    @Test
    void anArchitectureJsonWithWeightsOnlyHdf5IsImportedToo() throws Exception {
        Path json = Files.writeString(
                dir.resolve("arch.json"),
                SEQUENTIAL_2_0.replaceFirst("\\{", "{\"keras_version\": \"2.0.6\", \"backend\": \"tensorflow\", "));
        Path weights = KerasFixtures.legacyWeights(dir.resolve("w.h5"), "2.0.6", "tensorflow", TINY_WEIGHTS);
        ImportedModel model = KerasImporter.importModel(json, weights, null);
        assertThat(model.name()).isEqualTo("Arch");
        assertThat(model.source())
                .isEqualTo("arch.json with w.h5 (architecture JSON and HDF5 weights, Keras 2.0.6, tensorflow backend)");
        assertThat(model.newInterpreter().predict(TINY_X, 2)).containsExactly(TINY_Y);
    }

    @Test
    void importsAKeras3FunctionalArchiveWhoseWeightGroupsAreNumberedPerClass() throws Exception {
        String config =
                """
                {"module": "keras", "class_name": "Functional", "config": {"name": "functional", "trainable": true,
                  "layers": [
                    {"module": "keras.layers", "class_name": "InputLayer", "config": {"batch_shape": [null, 2],
                      "dtype": "float32", "sparse": false, "name": "inputs"}, "registered_name": null,
                      "name": "inputs", "inbound_nodes": []},
                    {"module": "keras.layers", "class_name": "Dense", "config": {"name": "first", "trainable": true,
                      "dtype": {"module": "keras", "class_name": "DTypePolicy", "config": {"name": "float32"}},
                      "units": 2, "activation": "linear", "use_bias": true}, "name": "first",
                      "inbound_nodes": [{"args": [{"class_name": "__keras_tensor__", "config": {"shape": [null, 2],
                        "dtype": "float32", "keras_history": ["inputs", 0, 0]}}], "kwargs": {}}]},
                    {"module": "keras.layers", "class_name": "Dense", "config": {"name": "second", "units": 2,
                      "activation": "linear", "use_bias": false}, "name": "second",
                      "inbound_nodes": [{"args": [{"class_name": "__keras_tensor__", "config": {"shape": [null, 2],
                        "dtype": "float32", "keras_history": ["first", 0, 0]}}], "kwargs": {}}]},
                    {"module": "keras.layers", "class_name": "Softmax", "config": {"name": "probabilities",
                      "axis": -1}, "name": "probabilities",
                      "inbound_nodes": [{"args": [{"class_name": "__keras_tensor__", "config": {"shape": [null, 2],
                        "dtype": "float32", "keras_history": ["second", 0, 0]}}], "kwargs": {"mask": null}}]}],
                  "input_layers": ["inputs", 0, 0], "output_layers": ["probabilities", 0, 0]},
                 "registered_name": "Functional"}
                """;
        Map<String, List<dev.lamina.runtime.io.NdArray>> groups = new LinkedHashMap<>();
        groups.put("input_layer", List.of());
        groups.put("dense", List.of(array(new int[] {2, 2}, 1, 0, 0, 1), array(new int[] {2}, 1, -1)));
        groups.put("dense_1", List.of(array(new int[] {2, 2}, 0, 1, 1, 0)));
        groups.put("softmax", List.of());
        Path file = KerasFixtures.keras3Archive(dir.resolve("net.keras"), config, "3.8.0", groups);
        ImportedModel model = KerasImporter.importModel(file, null);
        assertThat(model.specText())
                .contains("  dense(2, name=first)\n  dense(2, use_bias=false, name=second)\n"
                        + "  activation(softmax, name=probabilities)  // Keras Softmax layer\n");
        // [0, 0] -> first: [1, -1] -> second (swap): [-1, 1] -> softmax
        float[] y = model.newInterpreter().predict(new float[] {0, 0}, 1);
        double e = Math.exp(2);
        assertThat(y[0]).isCloseTo((float) (1 / (1 + e)), org.assertj.core.data.Offset.offset(1e-6f));
        assertThat(y[1]).isCloseTo((float) (e / (1 + e)), org.assertj.core.data.Offset.offset(1e-6f));
    }

    @Test
    void anUnsupportedLayerNamesTheLayerItsClassAndWhatLaminaImports() throws Exception {
        Path file = sequential(
                "lstm.h5", "2.2.0", layer("LSTM", "lstm_1", "\"units\": 4, \"batch_input_shape\": [null, 3, 2]"));
        UnsupportedKerasException e = catchUnsupported(file);
        assertThat(e.layerName()).isEqualTo("lstm_1");
        assertThat(e.kerasClass()).isEqualTo("LSTM");
        assertThat(e.option()).isEmpty();
        assertThat(e.getMessage())
                .isEqualTo("layer 'lstm_1' (LSTM): Keras LSTM layers are not supported; Lamina imports Activation,"
                        + " Add, Average, AveragePooling1D, Concatenate, Conv1D, Dense, Dropout, ELU, Embedding, Flatten,"
                        + " GlobalAveragePooling1D, GlobalMaxPooling1D, InputLayer, MaxPooling1D, Maximum, Minimum,"
                        + " Multiply, ReLU, RepeatVector, Reshape, Softmax, Subtract, ThresholdedReLU");
    }

    @Test
    void anUnsupportedOptionIsNamedWithItsValue() throws Exception {
        Path file = sequential(
                "groups.h5",
                "2.3.1",
                layer(
                        "Conv1D",
                        "conv0",
                        "\"batch_input_shape\": [null, 16, 4], \"filters\": 4, \"kernel_size\": [2], \"groups\": 2"));
        UnsupportedKerasException e = catchUnsupported(file);
        assertThat(e.option()).contains("groups=2");
        assertThat(e.getMessage())
                .isEqualTo("layer 'conv0' (Conv1D): groups=2 is not supported; Lamina's conv1d connects every input"
                        + " channel (groups=1)");
    }

    @Test
    void channelsFirstLayersKeepTheirDataFormat() throws Exception {
        String config = "{\"class_name\": \"Sequential\", \"config\": {\"name\": \"s\", \"layers\": ["
                + layer(
                        "Conv1D",
                        "conv0",
                        "\"batch_input_shape\": [null, 2, 3], \"filters\": 1, \"kernel_size\": [2],"
                                + " \"use_bias\": false, \"data_format\": \"channels_first\"")
                + ", " + layer("MaxPooling1D", "pool", "\"pool_size\": [2], \"data_format\": \"channels_first\"")
                + ", " + layer("GlobalAveragePooling1D", "mean", "\"data_format\": \"channels_first\"")
                + "]}}";
        Path file = KerasFixtures.legacyModel(
                dir.resolve("cf.h5"),
                config,
                "2.3.1",
                "tensorflow",
                List.of(new Layer(
                        "conv0",
                        List.of(new KerasFixtures.Weight("conv0/kernel:0", array(new int[] {2, 2, 1}, 1, 0, 0, 1))))));
        ImportedModel model = KerasImporter.importModel(file, null);
        assertThat(model.specText())
                .contains("  input [2, 3]  // batch_input_shape of layer 'conv0' (None, 2, 3)\n"
                        + "  conv1d(1, 2, use_bias=false, data_format=channels_first, name=conv0)\n"
                        + "  max_pooling1d(2, data_format=channels_first, name=pool)\n"
                        + "  global_average_pooling1d(data_format=channels_first, name=mean)\n");
        // channels [1, 2, 3] and [4, 5, 6]: conv [1 + 5, 2 + 6] = [6, 8]; max over 2 steps 8; mean 8
        assertThat(model.newInterpreter().predict(new float[] {1, 2, 3, 4, 5, 6}, 1))
                .containsExactly(8);
    }

    @Test
    void hardSigmoidIsNamedWithTheDefinitionOfTheFilesKerasVersion() throws Exception {
        String dense = "\"batch_input_shape\": [null, 2], \"units\": 1, \"activation\": \"hard_sigmoid\"";
        assertThat(catchUnsupported(sequential("k2.h5", "2.3.1", layer("Dense", "d", dense)))
                        .getMessage())
                .isEqualTo("layer 'd' (Dense): activation=hard_sigmoid (Keras 2 definition clip(0.2*x + 0.5, 0, 1),"
                        + " keras_version 2.3.1) is not supported; Lamina has the activations linear, relu, tanh,"
                        + " sigmoid, softmax, elu, softplus, gelu");
        assertThat(catchUnsupported(sequential("k3.h5", "3.1.1", layer("Dense", "d", dense)))
                        .option())
                .contains("activation=hard_sigmoid (Keras 3 definition clip(x/6 + 0.5, 0, 1), keras_version 3.1.1)");
    }

    @Test
    void hardSigmoidWithoutARecordedVersionIsNotGuessed() throws Exception {
        Path json = Files.writeString(
                dir.resolve("arch.json"),
                "{\"class_name\": \"Sequential\", \"config\": {\"name\": \"s\", \"layers\": ["
                        + layer(
                                "Dense",
                                "d",
                                "\"batch_input_shape\": [null, 2], \"units\": 1," + " \"activation\": \"hard_sigmoid\"")
                        + "]}}");
        Path weights = KerasFixtures.keras3Weights(
                dir.resolve("w.weights.h5"),
                Map.of("dense", List.of(array(new int[] {2, 1}, 1, 1), array(new int[] {1}, 0))));
        assertThatThrownBy(() -> KerasImporter.importModel(json, weights, null))
                .isExactlyInstanceOf(KerasImportException.class)
                .hasMessage("layer 'd' (Dense) uses hard_sigmoid, whose definition changed in Keras 3"
                        + " (clip(0.2*x + 0.5, 0, 1) before, clip(x/6 + 0.5, 0, 1) since), and the files do not"
                        + " record which Keras version wrote them");
    }

    @Test
    void weightsWhoseShapesDisagreeWithTheConfigAreListed() throws Exception {
        Path file = KerasFixtures.legacyModel(
                dir.resolve("bad.h5"),
                SEQUENTIAL_2_0.replace("\"units\": 3", "\"units\": 4"),
                "2.0.6",
                "tensorflow",
                TINY_WEIGHTS);
        assertThatThrownBy(() -> KerasImporter.importModel(file, null))
                .isExactlyInstanceOf(KerasImportException.class)
                .hasMessage("the weights in " + file + " do not match the model (3 differences):\n"
                        + "  layer 'hidden' (Dense): kernel has shape (2, 3) in the file, the model needs (2, 4)\n"
                        + "  layer 'hidden' (Dense): bias has shape (3,) in the file, the model needs (4,)\n"
                        + "  layer 'out' (Dense): kernel has shape (3, 1) in the file, the model needs (4, 1)");
    }

    @Test
    void aBiasTheConfigDoesNotHaveIsADifference() throws Exception {
        Path file = KerasFixtures.legacyModel(
                dir.resolve("bias.h5"),
                SEQUENTIAL_2_0.replace("\"use_bias\": true", "\"use_bias\": false"),
                "2.0.6",
                "tensorflow",
                TINY_WEIGHTS);
        assertThatThrownBy(() -> KerasImporter.importModel(file, null))
                .hasMessageContaining("layer 'hidden' (Dense): the file has 2 weight arrays [(2, 3), (3,)], the model"
                        + " needs 1 (kernel)");
    }

    @Test
    void theanoKernelsAreReversedAlongTheirSteps() throws Exception {
        String conv = layer(
                "Conv1D",
                "c",
                "\"batch_input_shape\": [null, 4, 1], \"filters\": 1, \"kernel_size\": [2], \"use_bias\": false");
        Path file = KerasFixtures.legacyModel(
                dir.resolve("theano.h5"),
                "{\"class_name\": \"Sequential\", \"config\": [" + conv + "]}",
                "2.0.8",
                "theano",
                List.of(new Layer(
                        "c", List.of(new KerasFixtures.Weight("c/kernel", array(new int[] {2, 1, 1}, 1, 2))))));
        ImportedModel model = KerasImporter.importModel(file, null);
        assertThat(model.specText())
                .contains("conv1d(1, 2, use_bias=false, name=c)  // kernel reversed along its steps: saved by Theano,"
                        + " which convolves");
        assertThat(model.newInterpreter().predict(new float[] {0, 3, 4, 5}, 1)).containsExactly(3, 10, 13);
        Model loaded =
                new dev.lamina.runtime.interpreter.Interpreter(model.model().spec(), 1);
        KerasWeights.load(file, loaded);
        assertThat(loaded.parameter("c/kernel").value()).containsExactly(2, 1);
    }

    @Test
    void anEmbeddingModelTakesTokenIds() throws Exception {
        String config = "{\"class_name\": \"Sequential\", \"config\": {\"name\": \"text\", \"layers\": ["
                + layer(
                        "Embedding",
                        "words",
                        "\"batch_input_shape\": [null, 3], \"input_dim\": 4, \"output_dim\": 2,"
                                + " \"input_length\": 3, \"mask_zero\": false")
                + ", " + layer("GlobalAveragePooling1D", "mean", "\"data_format\": \"channels_last\"")
                + "]}}";
        Path file = KerasFixtures.legacyModel(
                dir.resolve("text.h5"),
                config,
                "2.3.1",
                "tensorflow",
                List.of(
                        new Layer(
                                "words",
                                List.of(new KerasFixtures.Weight(
                                        "words/embeddings:0", array(new int[] {4, 2}, 0, 0, 1, 2, 3, 4, 5, 6)))),
                        Layer.empty("mean")));
        ImportedModel model = KerasImporter.importModel(file, null);
        assertThat(model.specText())
                .contains("input [3] int  // batch_input_shape of layer 'words' (None, 3); token ids for the Embedding"
                        + " (Keras dtype float32)\n  embedding(4, 2, name=words)\n");
        assertThat(model.newInterpreter().predict(new float[] {1, 2, 3}, 1)).containsExactly(3, 4);
    }

    @Test
    void reshapeResolvesItsUnknownDimension() throws Exception {
        String config = "{\"class_name\": \"Sequential\", \"config\": {\"name\": \"s\", \"layers\": ["
                + "{\"class_name\": \"InputLayer\", \"config\": {\"batch_input_shape\": [null, 6], \"dtype\": \"float32\","
                + " \"name\": \"input\"}}, "
                + layer("Reshape", "to_steps", "\"target_shape\": [-1, 2]") + ", "
                + layer("MaxPooling1D", "pool", "\"pool_size\": [3], \"strides\": null, \"padding\": \"valid\"") + ", "
                + layer("Flatten", "flat", "\"data_format\": \"channels_last\"") + ", "
                + layer("RepeatVector", "again", "\"n\": 2") + ", "
                + layer("Activation", "act", "\"activation\": \"tanh\"")
                + "]}}";
        Path file = KerasFixtures.legacyModel(
                dir.resolve("shapes.h5"), config, "2.10.0", "tensorflow", List.of(Layer.empty("to_steps")));
        ImportedModel model = KerasImporter.importModel(file, null);
        assertThat(model.specText())
                .contains("  reshape([3, 2], name=to_steps)  // Keras target_shape [-1, 2] with -1 resolved\n"
                        + "  max_pooling1d(3, name=pool)\n  flatten(name=flat)\n  repeat_vector(2, name=again)\n"
                        + "  activation(tanh, name=act)\n");
        assertThat(model.model().outputShape().dims()).containsExactly(2, 2);
        float[] y = model.newInterpreter().predict(new float[] {1, -2, 0, 5, -1, 3}, 1);
        assertThat(y).containsExactly((float) Math.tanh(1), (float) Math.tanh(5), (float) Math.tanh(1), (float)
                Math.tanh(5));
    }

    @Test
    void aLayerNamedLikeAKeywordIsQuoted() throws Exception {
        Path file = KerasFixtures.legacyModel(
                dir.resolve("kw.h5"),
                "{\"class_name\": \"Sequential\", \"config\": ["
                        + layer(
                                "Dense",
                                "input",
                                "\"batch_input_shape\": [null, 1]," + " \"units\": 1, \"use_bias\": false")
                        + "]}",
                "2.1.3",
                "tensorflow",
                List.of(new Layer(
                        "input", List.of(new KerasFixtures.Weight("input/kernel:0", array(new int[] {1, 1}, 3))))));
        ImportedModel model = KerasImporter.importModel(file, null);
        // the unnamed input would be called `input` too, so it is named
        assertThat(model.specText())
                .contains("  input input_input [1]  // batch_input_shape of layer 'input' (None, 1)\n"
                        + "  dense(1, use_bias=false, name=\"input\")\n");
        assertThat(model.newInterpreter().predict(new float[] {2}, 1)).containsExactly(6);
    }

    @Test
    void aSubclassedModelIsRefusedNamingItsClass() throws Exception {
        Path file = KerasFixtures.keras3Archive(
                dir.resolve("custom.keras"),
                "{\"module\": null, \"class_name\": \"MyModel\", \"config\": {}, \"registered_name\": \"acme>MyModel\"}",
                "3.3.3",
                Map.of());
        assertThatThrownBy(() -> KerasImporter.importModel(file, null))
                .isExactlyInstanceOf(KerasImportException.class)
                .hasMessage(file + ": the model is of class acme>MyModel, a subclassed Keras model: its config has no"
                        + " layer graph, so there is nothing to import; Lamina imports Sequential and functional"
                        + " models of built-in layers");
    }

    @Test
    void keras1FilesAreRefused() throws Exception {
        Path file = KerasFixtures.legacyModel(dir.resolve("old.h5"), SEQUENTIAL_2_0, "1.2.2", "theano", TINY_WEIGHTS);
        assertThatThrownBy(() -> KerasImporter.importModel(file, null))
                .hasMessage(file + " was written by Keras 1.2.2; Lamina imports files of Keras 2 and later");
    }

    @Test
    void brokenFilesGiveOneClearError() throws Exception {
        Path good =
                KerasFixtures.legacyModel(dir.resolve("good.h5"), SEQUENTIAL_2_0, "2.0.6", "tensorflow", TINY_WEIGHTS);
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = Files.write(dir.resolve("truncated.h5"), java.util.Arrays.copyOf(bytes, bytes.length / 3));
        assertThatThrownBy(() -> KerasImporter.importModel(truncated, null))
                .isExactlyInstanceOf(KerasImportException.class)
                .hasMessageStartingWith(truncated + " is corrupt or truncated: reading ");
        Path empty = Files.write(dir.resolve("empty.keras"), new byte[0]);
        assertThatThrownBy(() -> KerasImporter.importModel(empty, null)).hasMessage(empty + " is empty");
        Path text = Files.writeString(dir.resolve("notes.h5"), "hello");
        assertThatThrownBy(() -> KerasImporter.importModel(text, null))
                .hasMessage(text + " is not a Keras file: it starts with bytes 68 65 6c 6c 6f, not those of an HDF5"
                        + " file (.h5), a zip archive (.keras) or a model JSON");
        Path missing = dir.resolve("missing.h5");
        assertThatThrownBy(() -> KerasImporter.importModel(missing, null)).hasMessage(missing + ": no such file");
        Path weightsOnly = KerasFixtures.legacyWeights(dir.resolve("w.h5"), "2.0.6", "tensorflow", TINY_WEIGHTS);
        assertThatThrownBy(() -> KerasImporter.importModel(weightsOnly, null))
                .hasMessage(weightsOnly + " holds weights only (it has no model_config attribute): import it with"
                        + " the model's architecture JSON, e.g. lamina import model.json --weights " + weightsOnly);
    }

    @Test
    void brokenArchivesGiveOneClearError() throws Exception {
        Path noConfig = KerasFixtures.zip(
                dir.resolve("noconfig.keras"),
                Map.of("metadata.json", "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> KerasImporter.importModel(noConfig, null))
                .hasMessage(noConfig + " is a zip archive without config.json: not a Keras model archive (.keras)");
        Path archive = KerasFixtures.keras3Archive(
                dir.resolve("whole.keras"),
                "{\"class_name\": \"Sequential\", \"config\": {\"layers\": []}}",
                "3.1.1",
                Map.of());
        byte[] bytes = Files.readAllBytes(archive);
        Path cut = Files.write(dir.resolve("cut.keras"), java.util.Arrays.copyOf(bytes, bytes.length - 30));
        assertThatThrownBy(() -> KerasImporter.importModel(cut, null))
                .hasMessage(cut + " is corrupt or truncated: the zip archive has no end of central directory record");
        Path badJson = KerasFixtures.zip(
                dir.resolve("badjson.keras"),
                Map.of(
                        "config.json", "{\"class_name\": ".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        "model.weights.h5",
                                Files.readAllBytes(KerasFixtures.keras3Weights(dir.resolve("k.h5"), Map.of()))));
        assertThatThrownBy(() -> KerasImporter.importModel(badJson, null))
                .hasMessageStartingWith(badJson + "!/config.json is not valid JSON (line 1, column ");
    }

    @Test
    void theDefaultModelNameComesFromTheFileName() {
        assertThat(KerasImporter.defaultModelName(Path.of("dir/cnn1d_model.keras")))
                .isEqualTo("Cnn1dModel");
        assertThat(KerasImporter.defaultModelName(Path.of("model.h5"))).isEqualTo("Model");
        assertThat(KerasImporter.defaultModelName(Path.of("2020-best.weights.h5")))
                .isEqualTo("Model2020BestWeights");
        assertThat(KerasImporter.isValidModelName("input")).isFalse();
        assertThat(KerasImporter.isValidModelName("Net_2")).isTrue();
    }

    @Test
    void writingReplacesBothFilesAtOnce() throws Exception {
        Path file =
                KerasFixtures.legacyModel(dir.resolve("tiny.h5"), SEQUENTIAL_2_0, "2.0.6", "tensorflow", TINY_WEIGHTS);
        ImportedModel model = KerasImporter.importModel(file, null);
        Path out = dir.resolve("out/models");
        Files.createDirectories(out);
        Files.writeString(out.resolve("Tiny.lamina"), "old");
        ImportedModel.WrittenFiles written = model.write(out);
        assertThat(written.spec()).isEqualTo(out.resolve("Tiny.lamina"));
        assertThat(Files.readString(written.spec())).isEqualTo(model.specText());
        assertThat(dev.lamina.runtime.io.Weights.read(written.weights()).keySet())
                .containsExactly("hidden/kernel", "hidden/bias", "out/kernel");
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly("Tiny.lamina", "Tiny.weights");
        }
    }

    private Path sequential(String fileName, String version, String layer) throws IOException {
        return KerasFixtures.legacyModel(
                dir.resolve(fileName),
                "{\"class_name\": \"Sequential\", \"config\": {\"name\": \"s\", \"layers\": [" + layer + "]}}",
                version,
                "tensorflow",
                List.of(Layer.empty("s")));
    }

    static String layer(String className, String name, String options) {
        return "{\"class_name\": \"" + className + "\", \"config\": {\"name\": \"" + name + "\", " + options + "}}";
    }

    private static UnsupportedKerasException catchUnsupported(Path file) {
        try {
            KerasImporter.importModel(file, null);
        } catch (UnsupportedKerasException e) {
            return e;
        } catch (KerasImportException e) {
            throw new AssertionError("expected an unsupported-layer error, got: " + e.getMessage(), e);
        }
        throw new AssertionError("expected an unsupported-layer error, but the import succeeded");
    }
}
