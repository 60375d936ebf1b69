package dev.lamina.keras;

import dev.lamina.runtime.Model;
import dev.lamina.runtime.Parameter;
import dev.lamina.runtime.io.NdArray;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.Shape;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads the weights of a Keras file into a Lamina model (a generated class or the interpreter), so
 * an application can keep training in Keras and ship only new weights: {@code
 * KerasWeights.load(Path.of("weights.h5"), model)}.
 *
 * <p>Reads legacy HDF5 weights ({@code save_weights("x.h5")}) and model files (tf.keras, Keras 2),
 * Keras 3 weights ({@code x.weights.h5}) and {@code .keras} archives, whatever their names. Layers
 * are matched the way Keras matches them: legacy files by the order of the layers with weights,
 * Keras 3 files by class and position ({@code dense}, {@code dense_1}...). Every array's shape is
 * checked first; on any difference nothing is changed.
 */
public final class KerasWeights {
    private KerasWeights() {}

    /**
     * Replaces every parameter of {@code model} with the weights in {@code file}.
     *
     * @throws KerasImportException when the file cannot be read, or its weights do not fit the
     *     model (the message lists every difference); the model is then unchanged
     */
    public static void load(Path file, Model model) throws KerasImportException {
        KerasFiles.WeightsFile weights = KerasFiles.weights(file);
        Map<String, List<Parameter>> byLayer = new LinkedHashMap<>();
        for (Parameter p : model.parameters()) {
            byLayer.computeIfAbsent(p.layer(), k -> new ArrayList<>()).add(p);
        }
        List<WeightedLayer> wanted = new ArrayList<>();
        Map<String, Integer> perClass = new LinkedHashMap<>();
        boolean theano = weights.store().backend().equals(Optional.of(Conv1DKernels.THEANO));
        List<Boolean> flips = new ArrayList<>();
        for (LayerSpec layer : model.spec().layers()) {
            Optional<String> kerasClass = LayerTable.kerasClassOf(layer.typeName());
            List<Parameter> parameters = byLayer.getOrDefault(layer.name(), List.of());
            if (parameters.isEmpty()) {
                continue;
            }
            if (kerasClass.isEmpty()) {
                throw new KerasImportException("model " + model.name() + ": layer '" + layer.name() + "' ("
                        + layer.typeName() + ") has parameters that no Keras layer class maps to");
            }
            int classIndex = perClass.merge(kerasClass.get(), 1, Integer::sum) - 1;
            wanted.add(new WeightedLayer(
                    layer.name(),
                    kerasClass.get(),
                    classIndex,
                    parameters.stream().map(Parameter::name).toList(),
                    Optional.empty()));
            flips.add(theano && layer instanceof LayerSpec.Conv1D);
        }
        List<List<NdArray>> arrays = weights.store().take(wanted);
        WeightMatching matching = new WeightMatching(file.toString());
        for (int i = 0; i < wanted.size(); i++) {
            Map<String, Shape> expected = new LinkedHashMap<>();
            for (Parameter p : byLayer.get(wanted.get(i).name())) {
                expected.put(p.name(), p.shape());
            }
            matching.match(wanted.get(i), arrays.get(i), expected, flips.get(i));
        }
        Map<String, NdArray> values = matching.result();
        for (Parameter p : model.parameters()) {
            p.set(values.get(p.key()).data());
        }
    }
}
