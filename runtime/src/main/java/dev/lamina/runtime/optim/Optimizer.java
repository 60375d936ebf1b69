package dev.lamina.runtime.optim;

import dev.lamina.runtime.Parameter;
import dev.lamina.runtime.spec.OptimizerSpec;
import java.util.List;

/**
 * Updates parameters from their gradients with Keras 3's rules. State (moments, velocities) is
 * kept per parameter and allocated on the first step; later steps allocate nothing.
 */
public interface Optimizer {
    /** Applies one step to every parameter, reading {@link Parameter#gradient()}. */
    void step(List<Parameter> parameters);

    /** Number of steps applied so far. */
    long iterations();

    /** A copy of this optimizer's state for {@code parameters} (see {@link OptimizerState}). */
    OptimizerState state(List<Parameter> parameters);

    /**
     * Replaces this optimizer's state for {@code parameters} with a copy of {@code state}, taken from
     * an optimizer of the same kind: the next {@link #step} continues exactly as that optimizer's
     * would.
     *
     * @throws IllegalArgumentException when {@code state} has other slots, misses a parameter or has
     *     arrays of another size; this optimizer is then unchanged
     */
    void restore(OptimizerState state, List<Parameter> parameters);

    /** A fresh optimizer for a spec. */
    static Optimizer of(OptimizerSpec spec) {
        if (spec instanceof OptimizerSpec.Sgd s) {
            return new Sgd(s);
        }
        if (spec instanceof OptimizerSpec.Adam a) {
            return new Adam(a);
        }
        return new RmsProp((OptimizerSpec.RmsProp) spec);
    }
}
