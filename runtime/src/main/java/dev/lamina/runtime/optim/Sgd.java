package dev.lamina.runtime.optim;

import dev.lamina.runtime.Parameter;
import dev.lamina.runtime.spec.OptimizerSpec;
import java.util.List;

/**
 * SGD: {@code w -= lr*g}; with momentum {@code v = m*v - lr*g; w += v}, or with Nesterov {@code w +=
 * m*v - lr*g}.
 */
public final class Sgd implements Optimizer {
    private static final List<String> SLOTS = List.of("velocity");

    private final float learningRate;
    private final float momentum;
    private final boolean nesterov;
    private final PerParameterState velocity = new PerParameterState(1);
    private long iterations;

    public Sgd(OptimizerSpec.Sgd spec) {
        this.learningRate = (float) spec.learningRate();
        this.momentum = (float) spec.momentum();
        this.nesterov = spec.nesterov();
    }

    @Override
    public void step(List<Parameter> parameters) {
        iterations++;
        for (int k = 0; k < parameters.size(); k++) { // indexed: no iterator per step
            Parameter p = parameters.get(k);
            float[] w = p.value();
            float[] g = p.gradient();
            if (momentum == 0f) {
                for (int i = 0; i < w.length; i++) {
                    w[i] -= learningRate * g[i];
                }
                continue;
            }
            float[] v = velocity.of(parameters, k)[0];
            for (int i = 0; i < w.length; i++) {
                v[i] = momentum * v[i] - learningRate * g[i];
                w[i] += nesterov ? momentum * v[i] - learningRate * g[i] : v[i];
            }
        }
    }

    @Override
    public long iterations() {
        return iterations;
    }

    @Override
    public OptimizerState state(List<Parameter> parameters) {
        return new OptimizerState(iterations, SLOTS, velocity.copy(parameters));
    }

    @Override
    public void restore(OptimizerState state, List<Parameter> parameters) {
        velocity.restore(state, SLOTS, parameters);
        iterations = state.iterations();
    }
}
