package dev.lamina.runtime.optim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What an optimizer carries from one step to the next, enough to continue bit for bit: its name
 * ({@code adam}, {@code adamw}, {@code adagrad}, {@code sgd}, {@code rmsprop}), the number of steps taken, its scalars (Adam's
 * running powers {@code beta_1_power} and {@code beta_2_power}) and its slots, one array per slot
 * and parameter named {@code slot/layer/param} (e.g. {@code m/conv1d/kernel}). A parameter that has
 * not been stepped yet has no slots.
 */
public record OptimizerState(
        String optimizer, long iterations, Map<String, Double> scalars, Map<String, float[]> slots) {
    public OptimizerState {
        Objects.requireNonNull(optimizer, "optimizer");
        scalars = Collections.unmodifiableMap(new LinkedHashMap<>(scalars));
        slots = Collections.unmodifiableMap(new LinkedHashMap<>(slots));
    }

    /** Checks that this is the state of an {@code optimizer} with exactly the scalars {@code names}. */
    void checkKind(String optimizer, String... names) {
        if (!this.optimizer.equals(optimizer)) {
            throw new IllegalArgumentException(
                    "the optimizer state is " + this.optimizer + "'s; this optimizer is " + optimizer);
        }
        if (!scalars.keySet().equals(Set.of(names))) {
            throw new IllegalArgumentException(
                    "the " + optimizer + " state has the scalars " + scalars.keySet() + "; it needs " + List.of(names));
        }
        if (iterations < 0) {
            throw new IllegalArgumentException("the " + optimizer + " state has a negative step count");
        }
    }
}
