package dev.lamina.keras;

import dev.lamina.runtime.io.NdArray;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Weights in the legacy HDF5 layout of Keras 2 and tf.keras ({@code model.save("x.h5")} under
 * {@code /model_weights}, {@code save_weights("x.h5")} at the root): the attribute {@code
 * layer_names}, and per layer the attribute {@code weight_names} naming its datasets (nested paths,
 * e.g. {@code conv0/conv0/kernel:0}). Layers are matched as Keras's {@code load_weights} does: the
 * model's layers with weights, in order, against the file's layers with weights, in order.
 */
final class LegacyWeights implements WeightStore {
    /** One layer of the file with its arrays in {@code weight_names} order. */
    private record FileLayer(String name, List<NdArray> arrays) {}

    private final String source;
    private final List<FileLayer> layers;
    private final Optional<String> backend;

    private LegacyWeights(String source, List<FileLayer> layers, Optional<String> backend) {
        this.source = source;
        this.layers = layers;
        this.backend = backend;
    }

    /** Whether the group at {@code root} has the legacy layout's {@code layer_names}. */
    static boolean hasLayout(Hdf5File h5, String root) throws KerasImportException {
        return h5.stringListAttribute(root, "layer_names").isPresent();
    }

    /** Reads every layer's weights under {@code root} ("" for a weights-only file, else "model_weights"). */
    static LegacyWeights read(Hdf5File h5, String root) throws KerasImportException {
        List<String> names = h5.stringListAttribute(root, "layer_names")
                .orElseThrow(
                        () -> new KerasImportException(h5.source() + ": " + (root.isEmpty() ? "the root" : "/" + root)
                                + " has no layer_names attribute, so it holds no Keras weights"));
        List<FileLayer> layers = new ArrayList<>();
        for (String name : names) {
            String group = root.isEmpty() ? name : root + "/" + name;
            List<String> weightNames =
                    h5.stringListAttribute(group, "weight_names").orElse(List.of());
            List<NdArray> arrays = new ArrayList<>();
            for (String weight : weightNames) {
                arrays.add(h5.dataset(group + "/" + weight));
            }
            layers.add(new FileLayer(name, List.copyOf(arrays)));
        }
        Optional<String> backend = h5.stringAttribute(root, "backend");
        if (backend.isEmpty() && !root.isEmpty()) {
            backend = h5.stringAttribute("", "backend");
        }
        return new LegacyWeights(h5.source(), List.copyOf(layers), backend);
    }

    @Override
    public List<List<NdArray>> take(List<WeightedLayer> wanted) throws KerasImportException {
        List<FileLayer> weighted =
                layers.stream().filter(l -> !l.arrays().isEmpty()).toList();
        if (weighted.size() != wanted.size()) {
            throw new KerasImportException(source + " holds weights for " + weighted.size() + " layer"
                    + (weighted.size() == 1 ? "" : "s") + " ("
                    + weighted.stream().map(FileLayer::name).collect(Collectors.joining(", "))
                    + "), but the model has " + wanted.size() + " layer" + (wanted.size() == 1 ? "" : "s")
                    + " with weights ("
                    + wanted.stream().map(WeightedLayer::name).collect(Collectors.joining(", ")) + ")");
        }
        return weighted.stream().map(FileLayer::arrays).toList();
    }

    @Override
    public Optional<String> backend() {
        return backend;
    }
}
