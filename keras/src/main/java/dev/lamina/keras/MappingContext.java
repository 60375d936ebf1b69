package dev.lamina.keras;

import dev.lamina.runtime.spec.Shape;
import java.util.Objects;
import java.util.Optional;

/**
 * What a layer's mapping may need besides its own config.
 *
 * @param version the Keras version the files record, if they do
 * @param backend the Keras backend that wrote the weights, if recorded
 * @param readsInput whether the layer reads a model input directly
 * @param inputShape the per-example shape of the (first) tensor the layer reads in the Lamina model,
 *     computed on demand
 */
record MappingContext(
        Optional<KerasVersion> version, Optional<String> backend, boolean readsInput, ShapeSource inputShape) {
    MappingContext {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(inputShape, "inputShape");
    }

    /** Computes a shape when a mapping asks for it. */
    @FunctionalInterface
    interface ShapeSource {
        Shape get() throws KerasImportException;
    }
}
