package dev.lamina.runtime.layers;

import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.Shape;

/** Creates the interpreted layer of a {@link LayerSpec}. */
public final class Layers {
    private Layers() {}

    /**
     * The layer for {@code spec} taking per-example inputs of shape {@code input} (the steps may be
     * unknown; the dimensions that size parameters must be known).
     */
    public static Layer create(LayerSpec spec, Shape input) {
        if (spec instanceof LayerSpec.Conv1D conv) {
            return new Conv1DLayer(conv, input);
        }
        if (spec instanceof LayerSpec.Dense dense) {
            return new DenseLayer(dense, input);
        }
        if (spec instanceof LayerSpec.Pooling1D pooling) {
            return new Pooling1DLayer(pooling);
        }
        if (spec instanceof LayerSpec.GlobalPooling1D pooling) {
            return new GlobalPooling1DLayer(pooling);
        }
        if (spec instanceof LayerSpec.Dropout dropout) {
            return new DropoutLayer(dropout);
        }
        if (spec instanceof LayerSpec.ActivationLayer activation) {
            return new ActivationLayer(activation);
        }
        if (spec instanceof LayerSpec.Embedding embedding) {
            return new EmbeddingLayer(embedding);
        }
        if (spec instanceof LayerSpec.RepeatVector repeat) {
            return new RepeatVectorLayer(repeat);
        }
        return new ReshapeLayer(spec);
    }
}
