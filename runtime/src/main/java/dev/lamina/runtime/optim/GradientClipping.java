package dev.lamina.runtime.optim;

import dev.lamina.runtime.Parameter;
import dev.lamina.runtime.spec.OptimizerSpec;
import java.util.List;

/**
 * An optimizer that clips the gradients in place before the update of the optimizer it wraps
 * (Keras 3, {@code optimizers/base_optimizer.py}): {@code clipnorm} scales each tensor {@code g} to
 * {@code g * c / max(||g||, c)}, {@code global_clipnorm} scales every tensor by {@code c /
 * max(||G||, c)} with {@code ||G||} the norm of all of them together, {@code clipvalue} clips each
 * element to {@code [-c, c]}. After a step, the parameters' gradients hold the clipped values.
 */
public final class GradientClipping implements Optimizer {
    private final OptimizerSpec.Clipping clipping;
    private final float threshold;
    private final Optimizer update;

    public GradientClipping(OptimizerSpec.Clipping clipping, Optimizer update) {
        if (clipping.kind() == OptimizerSpec.Clipping.Kind.NONE) {
            throw new IllegalArgumentException("no clipping to apply");
        }
        this.clipping = clipping;
        this.threshold = (float) clipping.threshold();
        this.update = update;
    }

    @Override
    public void step(List<Parameter> parameters) {
        switch (clipping.kind()) {
            case CLIPNORM -> {
                for (int k = 0; k < parameters.size(); k++) {
                    float[] g = parameters.get(k).gradient();
                    scale(g, factor(squaredNorm(g)));
                }
            }
            case GLOBAL_CLIPNORM -> {
                double squares = 0;
                for (int k = 0; k < parameters.size(); k++) {
                    squares += squaredNorm(parameters.get(k).gradient());
                }
                float factor = factor(squares);
                for (int k = 0; k < parameters.size(); k++) {
                    scale(parameters.get(k).gradient(), factor);
                }
            }
            case CLIPVALUE -> {
                for (int k = 0; k < parameters.size(); k++) {
                    float[] g = parameters.get(k).gradient();
                    for (int i = 0; i < g.length; i++) {
                        g[i] = Math.max(-threshold, Math.min(threshold, g[i]));
                    }
                }
            }
            case NONE -> throw new IllegalStateException("no clipping");
        }
        update.step(parameters);
    }

    /** {@code c / max(norm, c)}: 1 when the norm is within the threshold. */
    private float factor(double squaredNorm) {
        double norm = Math.sqrt(squaredNorm);
        return (float) (threshold / Math.max(norm, threshold));
    }

    private static double squaredNorm(float[] g) {
        double sum = 0;
        for (float v : g) {
            sum += (double) v * v;
        }
        return sum;
    }

    private static void scale(float[] g, float factor) {
        if (factor != 1f) {
            for (int i = 0; i < g.length; i++) {
                g[i] *= factor;
            }
        }
    }

    @Override
    public long iterations() {
        return update.iterations();
    }

    /** The wrapped optimizer's state: clipping keeps none of its own. */
    @Override
    public OptimizerState state(List<Parameter> parameters) {
        return update.state(parameters);
    }

    @Override
    public void restore(List<Parameter> parameters, OptimizerState state) {
        update.restore(parameters, state);
    }
}
