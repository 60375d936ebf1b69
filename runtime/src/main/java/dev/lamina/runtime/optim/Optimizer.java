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

    /** A copy of this optimizer's state for {@code parameters}, to continue from later ({@link #restore}). */
    OptimizerState state(List<Parameter> parameters);

    /**
     * Replaces this optimizer's state with a copy of {@code state}, taken by {@link #state} from an
     * optimizer of the same kind for parameters of the same names and sizes.
     *
     * @throws IllegalArgumentException when the state is another optimizer's or does not fit
     */
    void restore(List<Parameter> parameters, OptimizerState state);

    /** A fresh optimizer for a spec, clipping its gradients first when the spec says so. */
    static Optimizer of(OptimizerSpec spec) {
        Optimizer update;
        if (spec instanceof OptimizerSpec.Sgd s) {
            update = new Sgd(s);
        } else if (spec instanceof OptimizerSpec.Adam a) {
            update = new Adam(a);
        } else if (spec instanceof OptimizerSpec.RmsProp r) {
            update = new RmsProp(r);
        } else if (spec instanceof OptimizerSpec.AdamW w) {
            update = new Adam(w);
        } else if (spec instanceof OptimizerSpec.Adagrad a) {
            update = new Adagrad(a);
        } else {
            throw new IllegalArgumentException("no optimizer for " + spec);
        }
        return spec.clipping().kind() == OptimizerSpec.Clipping.Kind.NONE
                ? update
                : new GradientClipping(spec.clipping(), update);
    }
}
