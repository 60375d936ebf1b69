package dev.lamina.keras;

import dev.lamina.runtime.io.NdArray;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Weights in the layout of Keras 3 (and tf.keras 2.13+) {@code model.weights.h5}: {@code
 * /layers/<group>/vars/0, 1, ...}, where the group is the snake_case Keras class name numbered per
 * class in {@code model.layers} order ({@code dense}, {@code dense_1}...), not the layer name.
 * Keras 3.6 and later also record the layer name as the attribute {@code name} of {@code vars}.
 */
final class Keras3Weights implements WeightStore {
    private static final Pattern NON_WORD = Pattern.compile("\\W+");
    private static final Pattern CAPITALIZED_WORD = Pattern.compile("(.)([A-Z][a-z]+)");
    private static final Pattern LOWER_UPPER = Pattern.compile("([a-z])([A-Z])");
    private static final Pattern INDEX = Pattern.compile("\\d+");

    /** One group under /layers: its vars in index order, the recorded layer name, other weighted parts. */
    private record Group(List<NdArray> vars, Optional<String> recordedName, List<String> nestedWeights) {}

    private final String source;
    private final Map<String, Group> groups;

    private Keras3Weights(String source, Map<String, Group> groups) {
        this.source = source;
        this.groups = groups;
    }

    /** Whether the file has the Keras 3 layout (a {@code layers} group). */
    static boolean hasLayout(Hdf5File h5) throws KerasImportException {
        return h5.isGroup("layers");
    }

    /** Reads every group under {@code /layers}. */
    static Keras3Weights read(Hdf5File h5) throws KerasImportException {
        Map<String, Group> groups = new LinkedHashMap<>();
        for (String name : h5.children("layers")) {
            String path = "layers/" + name;
            List<NdArray> vars = new ArrayList<>();
            for (String index : sortedIndices(h5.children(path + "/vars"))) {
                vars.add(h5.dataset(path + "/vars/" + index));
            }
            List<String> nested = new ArrayList<>();
            for (String child : h5.children(path)) {
                if (!child.equals("vars") && holdsWeights(h5, path + "/" + child)) {
                    nested.add("/" + path + "/" + child);
                }
            }
            Optional<String> recorded =
                    h5.isGroup(path + "/vars") ? h5.stringAttribute(path + "/vars", "name") : Optional.empty();
            groups.put(name, new Group(List.copyOf(vars), recorded, List.copyOf(nested)));
        }
        return new Keras3Weights(h5.source(), groups);
    }

    /** Keras's {@code to_snake_case} of a class name: {@code GlobalMaxPooling1D} to {@code global_max_pooling1d}. */
    static String snakeCase(String className) {
        String name = NON_WORD.matcher(className).replaceAll("");
        name = CAPITALIZED_WORD.matcher(name).replaceAll("$1_$2");
        return LOWER_UPPER.matcher(name).replaceAll("$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public List<List<NdArray>> take(List<WeightedLayer> wanted) throws KerasImportException {
        List<List<NdArray>> taken = new ArrayList<>();
        List<String> claimed = new ArrayList<>();
        for (WeightedLayer layer : wanted) {
            String groupName =
                    snakeCase(layer.kerasClass()) + (layer.classIndex() == 0 ? "" : "_" + layer.classIndex());
            Group group = groups.get(groupName);
            if (group == null || group.vars().isEmpty()) {
                throw new KerasImportException(source + " has no weights for " + layer.label() + ": /layers/"
                        + groupName + "/vars is " + (group == null ? "missing" : "empty"));
            }
            if (layer.kerasName().isPresent()
                    && group.recordedName().isPresent()
                    && !group.recordedName().get().equals(layer.kerasName().get())) {
                throw new KerasImportException(source + ": /layers/" + groupName + " holds the weights of layer '"
                        + group.recordedName().get() + "', not of " + layer.label()
                        + "; the config and the weights disagree");
            }
            claimed.add(groupName);
            taken.add(group.vars());
        }
        for (Map.Entry<String, Group> group : groups.entrySet()) {
            Group g = group.getValue();
            if (!claimed.contains(group.getKey()) && !g.vars().isEmpty()) {
                throw new KerasImportException(source + " holds weights in /layers/" + group.getKey()
                        + "/vars that no layer of the model takes; the config and the weights disagree");
            }
            if (!g.nestedWeights().isEmpty()) {
                throw new KerasImportException(source + " holds weights in " + String.join(", ", g.nestedWeights())
                        + " (a nested layer or model) that no layer of the model takes");
            }
        }
        return taken;
    }

    @Override
    public Optional<String> backend() {
        return Optional.empty();
    }

    private static List<String> sortedIndices(List<String> names) {
        return names.stream()
                .filter(n -> INDEX.matcher(n).matches())
                .sorted(Comparator.comparingLong(Long::parseLong))
                .toList();
    }

    private static boolean holdsWeights(Hdf5File h5, String path) throws KerasImportException {
        for (String child : h5.children(path)) {
            String childPath = path + "/" + child;
            if (h5.isGroup(childPath)) {
                if (holdsWeights(h5, childPath)) {
                    return true;
                }
            } else {
                return true;
            }
        }
        return false;
    }
}
