package dev.lamina.keras;

import dev.lamina.runtime.io.NdArray;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes small Keras files in the layouts Keras uses (see the corpus README), with jHDF's writer:
 * legacy HDF5 model and weights files, Keras 3 weights and {@code .keras} archives. Also used by the
 * CLI's tests.
 */
public final class KerasFixtures {
    private KerasFixtures() {}

    /**
     * Keras 2: a sequence branch (conv, global average) and a side branch (dense) concatenated, then a
     * dense output. {@code seq} (None, 3, 2), {@code side} (None, 2).
     */
    public static final String TWO_INPUTS =
            """
            {"class_name": "Model", "config": {"name": "sensor", "layers": [
              {"name": "seq", "class_name": "InputLayer", "config": {"batch_input_shape": [null, 3, 2],
                "dtype": "float32", "sparse": false, "name": "seq"}, "inbound_nodes": []},
              {"name": "side", "class_name": "InputLayer", "config": {"batch_input_shape": [null, 2],
                "dtype": "float32", "sparse": false, "name": "side"}, "inbound_nodes": []},
              {"name": "conv", "class_name": "Conv1D", "config": {"name": "conv", "filters": 2, "kernel_size": [2],
                "strides": [1], "padding": "valid", "data_format": "channels_last", "dilation_rate": [1],
                "activation": "linear", "use_bias": true}, "inbound_nodes": [[["seq", 0, 0, {}]]]},
              {"name": "side_dense", "class_name": "Dense", "config": {"name": "side_dense", "units": 2,
                "activation": "linear", "use_bias": true}, "inbound_nodes": [[["side", 0, 0, {}]]]},
              {"name": "gap", "class_name": "GlobalAveragePooling1D", "config": {"name": "gap",
                "data_format": "channels_last"}, "inbound_nodes": [[["conv", 0, 0, {}]]]},
              {"name": "merged", "class_name": "Concatenate", "config": {"name": "merged", "axis": -1},
                "inbound_nodes": [[["gap", 0, 0, {}], ["side_dense", 0, 0, {}]]]},
              {"name": "out", "class_name": "Dense", "config": {"name": "out", "units": 1, "activation": "linear",
                "use_bias": false}, "inbound_nodes": [[["merged", 0, 0, {}]]]}
            ], "input_layers": [["seq", 0, 0], ["side", 0, 0]], "output_layers": [["out", 0, 0]]}}
            """;

    /** conv: identity taps on step 0, bias [0, 1]; side_dense [[1, 1], [0, -1]]; out all ones. */
    public static final List<Layer> TWO_INPUT_WEIGHTS = List.of(
            Layer.empty("seq"),
            Layer.empty("side"),
            Layer.kernelAndBias("conv", array(new int[] {2, 2, 2}, 1, 0, 0, 1, 0, 0, 0, 0), array(new int[] {2}, 0, 1)),
            Layer.kernelAndBias("side_dense", array(new int[] {2, 2}, 1, 1, 0, -1), array(new int[] {2}, 0, 0)),
            Layer.empty("gap"),
            Layer.empty("merged"),
            new Layer("out", List.of(new KerasFixtures.Weight("out/kernel:0", array(new int[] {4, 1}, 1, 1, 1, 1)))));

    /** seq [[1, 2], [3, 4], [5, 6]]: conv [[1, 3], [3, 5]], mean [2, 4]; side [1, 2]: [1, -1]; sum 6. */
    public static final float[] SEQ = {1, 2, 3, 4, 5, 6};

    public static final float[] SIDE = {1, 2};

    /** One weight of a legacy file: its name in {@code weight_names} (a nested path) and value. */
    public record Weight(String name, NdArray value) {}

    /** One layer of a legacy file: its name and weights (none for a layer without weights). */
    public record Layer(String name, List<Weight> weights) {
        public Layer {
            weights = List.copyOf(weights);
        }

        /** A layer with a kernel and a bias, named like TensorFlow names them. */
        public static Layer kernelAndBias(String name, NdArray kernel, NdArray bias) {
            return new Layer(name, List.of(new Weight(name + "/kernel:0", kernel), new Weight(name + "/bias:0", bias)));
        }

        /** A layer without weights. */
        public static Layer empty(String name) {
            return new Layer(name, List.of());
        }
    }

    /** A tensor of the given shape and values. */
    public static NdArray array(int[] shape, float... values) {
        return new NdArray(shape, values);
    }

    /** A legacy HDF5 model file: {@code model_config} and {@code /model_weights}. */
    public static Path legacyModel(
            Path file, String modelConfig, String kerasVersion, String backend, List<Layer> layers) throws IOException {
        try (WritableHdfFile h5 = HdfFile.write(file)) {
            h5.putAttribute("model_config", modelConfig);
            h5.putAttribute("keras_version", kerasVersion);
            h5.putAttribute("backend", backend);
            WritableGroup weights = h5.putGroup("model_weights");
            weights.putAttribute("keras_version", kerasVersion);
            weights.putAttribute("backend", backend);
            putLayers(weights, layers);
        }
        return file;
    }

    /** A legacy weights-only HDF5 file ({@code save_weights}): the layers at the root. */
    public static Path legacyWeights(Path file, String kerasVersion, String backend, List<Layer> layers)
            throws IOException {
        try (WritableHdfFile h5 = HdfFile.write(file)) {
            h5.putAttribute("keras_version", kerasVersion);
            h5.putAttribute("backend", backend);
            putLayers(h5, layers);
        }
        return file;
    }

    /** Keras 3 weights: {@code /layers/<group>/vars/0, 1...}. */
    public static Path keras3Weights(Path file, Map<String, List<NdArray>> groups) throws IOException {
        try (WritableHdfFile h5 = HdfFile.write(file)) {
            WritableGroup layers = h5.putGroup("layers");
            // jHDF cannot write an empty group: layers without weights get none (Keras writes empty ones).
            for (Map.Entry<String, List<NdArray>> group : groups.entrySet()) {
                if (group.getValue().isEmpty()) {
                    continue;
                }
                WritableGroup vars = layers.putGroup(group.getKey()).putGroup("vars");
                for (int i = 0; i < group.getValue().size(); i++) {
                    vars.putDataset(Integer.toString(i), nested(group.getValue().get(i)));
                }
            }
        }
        return file;
    }

    /** A Keras 3 archive: {@code metadata.json}, {@code config.json}, {@code model.weights.h5}, stored. */
    public static Path keras3Archive(Path file, String config, String kerasVersion, Map<String, List<NdArray>> groups)
            throws IOException {
        Path weights = Files.createTempFile(file.toAbsolutePath().getParent(), "weights", ".h5");
        try {
            keras3Weights(weights, groups);
            Map<String, byte[]> entries = new LinkedHashMap<>();
            entries.put(
                    "metadata.json",
                    ("{\"keras_version\": \"" + kerasVersion + "\", \"date_saved\": \"2025-01-01@00:00:00\"}")
                            .getBytes(StandardCharsets.UTF_8));
            entries.put("config.json", config.getBytes(StandardCharsets.UTF_8));
            entries.put("model.weights.h5", Files.readAllBytes(weights));
            zip(file, entries);
        } finally {
            Files.deleteIfExists(weights);
        }
        return file;
    }

    /** A zip archive of stored (uncompressed) entries, as Keras writes them. */
    public static Path zip(Path file, Map<String, byte[]> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(file);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(e.getValue().length);
                CRC32 crc = new CRC32();
                crc.update(e.getValue());
                entry.setCrc(crc.getValue());
                zip.putNextEntry(entry);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }

    private static void putLayers(WritableGroup root, List<Layer> layers) {
        List<String> names = new ArrayList<>();
        layers.forEach(l -> names.add(l.name()));
        root.putAttribute("layer_names", names.toArray(new String[0]));
        for (Layer layer : layers) {
            WritableGroup group = root.putGroup(layer.name());
            if (layer.weights().isEmpty()) {
                continue;
            }
            group.putAttribute(
                    "weight_names", layer.weights().stream().map(Weight::name).toArray(String[]::new));
            for (Weight weight : layer.weights()) {
                String[] path = weight.name().split("/");
                WritableGroup parent = group;
                for (int i = 0; i < path.length - 1; i++) {
                    WritableGroup child = (WritableGroup) parent.getChildren().get(path[i]);
                    parent = child != null ? child : parent.putGroup(path[i]);
                }
                parent.putDataset(path[path.length - 1], nested(weight.value()));
            }
        }
    }

    /** The values as a Java array of the tensor's rank (float[], float[][]...), as jHDF writes them. */
    private static Object nested(NdArray value) {
        int[] shape = value.shape();
        Object array = Array.newInstance(float.class, shape);
        float[] data = value.data();
        fill(array, shape, 0, data, new int[] {0});
        return array;
    }

    private static void fill(Object array, int[] shape, int axis, float[] data, int[] next) {
        for (int i = 0; i < shape[axis]; i++) {
            if (axis == shape.length - 1) {
                Array.setFloat(array, i, data[next[0]++]);
            } else {
                fill(Array.get(array, i), shape, axis + 1, data, next);
            }
        }
    }
}
