package dev.lamina.runtime;

import dev.lamina.runtime.io.NdArray;
import dev.lamina.runtime.io.Weights;
import dev.lamina.runtime.io.WeightsFormatException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model's parameters in the weights format ({@link Weights}, which knows only named tensors):
 * saving, loading and replacing them with every shape checked.
 */
public final class ModelWeights {
    private ModelWeights() {}

    /** Writes every parameter of {@code model} to {@code file}, replacing it atomically. */
    public static void save(Model model, Path file) throws IOException {
        Weights.write(file, tensors(model));
    }

    /** Copies of every parameter of {@code model}, by key ({@code layer/param}), in layer order. */
    public static Map<String, NdArray> tensors(Model model) {
        Map<String, NdArray> tensors = new LinkedHashMap<>();
        for (Parameter p : model.parameters()) {
            tensors.put(p.key(), new NdArray(p.shape().dims(), p.value().clone()));
        }
        return tensors;
    }

    /**
     * Replaces every parameter of {@code model} with the tensors of {@code file}; the file must hold
     * exactly the model's parameters with the same shapes.
     */
    public static void load(Model model, Path file) throws IOException {
        set(model, Weights.read(file), file.toString());
    }

    /**
     * Replaces every parameter of {@code model} with {@code tensors}, which must be exactly the
     * model's parameters with the same shapes, or else leaves the model unchanged; {@code source}
     * names the tensors in the error message.
     */
    public static void set(Model model, Map<String, NdArray> tensors, String source) throws WeightsFormatException {
        List<String> differences = new ArrayList<>();
        for (Parameter p : model.parameters()) {
            NdArray t = tensors.get(p.key());
            if (t == null) {
                differences.add("missing " + p.key() + " " + p.shape());
            } else if (!Arrays.equals(t.shape(), p.shape().dims())) {
                differences.add("shape mismatch for " + p.key() + ": the model has " + p.shape() + ", the file "
                        + Weights.shapeText(t.shape()));
            }
        }
        for (Map.Entry<String, NdArray> t : tensors.entrySet()) {
            if (!hasParameter(model, t.getKey())) {
                differences.add("unexpected " + t.getKey() + " "
                        + Weights.shapeText(t.getValue().shape()));
            }
        }
        if (!differences.isEmpty()) {
            throw new WeightsFormatException(source + " does not match model " + model.name() + " ("
                    + differences.size() + " difference" + (differences.size() == 1 ? "" : "s") + "):\n  "
                    + String.join("\n  ", differences));
        }
        for (Parameter p : model.parameters()) {
            p.set(tensors.get(p.key()).data());
        }
    }

    private static boolean hasParameter(Model model, String key) {
        for (Parameter p : model.parameters()) {
            if (p.key().equals(key)) {
                return true;
            }
        }
        return false;
    }
}
