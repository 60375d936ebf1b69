package dev.lamina.keras;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A layer of a model that has weights, as a Keras weights file is searched for it.
 *
 * @param name the layer's name in the model being filled
 * @param kerasClass its Keras class, e.g. {@code Dense}
 * @param classIndex how many layers of the same class come before it in Keras's {@code
 *     model.layers} (Keras 3 files name weight groups by class and this count)
 * @param parameters the names of its parameters in Keras's order, e.g. kernel, bias
 * @param kerasName the Keras layer name to check a Keras 3 file's recorded name against, if known
 */
record WeightedLayer(
        String name, String kerasClass, int classIndex, List<String> parameters, Optional<String> kerasName) {
    WeightedLayer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kerasClass, "kerasClass");
        parameters = List.copyOf(parameters);
        Objects.requireNonNull(kerasName, "kerasName");
    }

    /** {@code layer 'dense_1' (Dense)}. */
    String label() {
        return "layer '" + name + "' (" + kerasClass + ")";
    }
}
