package dev.lamina.keras;

import dev.lamina.runtime.io.NdArray;
import java.util.List;

/** The weights of a Keras file, read into memory, handed out per layer in Keras's own matching rule. */
sealed interface WeightStore permits LegacyWeights, Keras3Weights {
    /**
     * The arrays of each layer, in the file's order within a layer (e.g. kernel, bias), aligned with
     * {@code layers}. Checks that the file holds weights for exactly these layers; array shapes are
     * checked by the caller.
     */
    List<List<NdArray>> take(List<WeightedLayer> layers) throws KerasImportException;

    /** The Keras backend that wrote the weights ({@code tensorflow}, {@code theano}...), if recorded. */
    java.util.Optional<String> backend();
}
