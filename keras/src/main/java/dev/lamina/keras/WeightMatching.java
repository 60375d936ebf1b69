package dev.lamina.keras;

import dev.lamina.runtime.io.NdArray;
import dev.lamina.runtime.spec.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pairs the arrays a Keras file holds for a layer with the layer's Lamina parameters, checking the
 * count and every shape, and collecting every difference before anything is used.
 */
final class WeightMatching {
    private final String source;
    private final List<String> differences = new ArrayList<>();
    private final Map<String, NdArray> matched = new LinkedHashMap<>();

    WeightMatching(String source) {
        this.source = source;
    }

    /**
     * Matches one layer's {@code arrays} (Keras's order) to its parameters: {@code expected} maps each
     * parameter name to the shape the Lamina model has for it, in Keras's order.
     */
    void match(WeightedLayer layer, List<NdArray> arrays, Map<String, Shape> expected, boolean flipKernel) {
        List<String> names = new ArrayList<>(expected.keySet());
        if (arrays.size() != names.size()) {
            differences.add(layer.label() + ": the file has " + arrays.size() + " weight array"
                    + (arrays.size() == 1 ? "" : "s") + " " + shapes(arrays) + ", the model needs " + names.size()
                    + " (" + String.join(", ", names) + ")");
            return;
        }
        for (int i = 0; i < names.size(); i++) {
            Shape want = expected.get(names.get(i));
            NdArray array = arrays.get(i);
            if (!Arrays.equals(array.shape(), want.dims())) {
                differences.add(layer.label() + ": " + names.get(i) + " has shape " + shape(array.shape())
                        + " in the file, the model needs " + want);
                continue;
            }
            boolean flip = flipKernel && names.get(i).equals("kernel");
            matched.put(layer.name() + "/" + names.get(i), flip ? Conv1DKernels.flipSteps(array) : array);
        }
    }

    /**
     * Every matched array by Lamina parameter key ({@code layer/name}), in order.
     *
     * @throws KerasImportException listing every difference, when there is one
     */
    Map<String, NdArray> result() throws KerasImportException {
        if (!differences.isEmpty()) {
            throw new KerasImportException("the weights in " + source + " do not match the model ("
                    + differences.size() + " difference" + (differences.size() == 1 ? "" : "s") + "):\n  "
                    + String.join("\n  ", differences));
        }
        return matched;
    }

    private static String shapes(List<NdArray> arrays) {
        List<String> shapes = new ArrayList<>();
        for (NdArray a : arrays) {
            shapes.add(shape(a.shape()));
        }
        return "[" + String.join(", ", shapes) + "]";
    }

    static String shape(int[] dims) {
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < dims.length; i++) {
            s.append(i > 0 ? ", " : "").append(dims[i]);
        }
        return s.append(dims.length == 1 ? ",)" : ")").toString();
    }
}
