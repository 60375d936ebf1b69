package dev.lamina.runtime.optim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A copy of an optimizer's state, to save it with the weights and resume training exactly where it
 * stopped: the number of steps applied and, for each parameter key ({@code layer/name}), one array
 * per slot in {@link #slots} order (Adam's {@code m} and {@code v}, for instance), each of the
 * parameter's size. A parameter that has not been stepped yet has zeros, which is the state it
 * would start from.
 */
public record OptimizerState(long iterations, List<String> slots, Map<String, float[][]> values) {
    public OptimizerState {
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations must be at least 0, got " + iterations);
        }
        slots = List.copyOf(slots);
        Map<String, float[][]> copy = new LinkedHashMap<>();
        for (Map.Entry<String, float[][]> e : values.entrySet()) {
            float[][] arrays = Objects.requireNonNull(e.getValue(), e.getKey());
            if (arrays.length != slots.size()) {
                throw new IllegalArgumentException(e.getKey() + " has " + arrays.length + " slot arrays; the state has "
                        + slots.size() + " slots " + slots);
            }
            copy.put(e.getKey(), arrays);
        }
        values = java.util.Collections.unmodifiableMap(copy);
    }
}
