package dev.lamina.keras;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;

/**
 * What a Keras file (or a JSON and weights pair) holds, read into memory.
 *
 * @param name the file (or files) in messages, e.g. {@code model.h5}
 * @param description how the header of the imported spec describes it, e.g. {@code model.h5 (HDF5
 *     model file, Keras 2.3.1, tensorflow backend)}
 * @param modelConfig the model's config: {@code {"class_name": ..., "config": ...}}
 * @param version the Keras version the files record, if they do
 * @param weights the weights
 */
record KerasSource(
        String name, String description, JsonNode modelConfig, Optional<KerasVersion> version, WeightStore weights) {
    KerasSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(modelConfig, "modelConfig");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(weights, "weights");
    }
}
