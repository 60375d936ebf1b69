package dev.lamina.runtime.optim;

import dev.lamina.runtime.Parameter;
import dev.lamina.runtime.spec.OptimizerSpec;
import java.util.List;

/**
 * Adam: {@code m += (g-m)(1-b1); v += (g*g-v)(1-b2); w -= lr*sqrt(1-b2^t)/(1-b1^t) * m/(sqrt(v)+eps)}.
 */
public final class Adam implements Optimizer {
    private static final List<String> SLOTS = List.of("m", "v");

    private final OptimizerSpec.Adam spec;
    private final PerParameterState moments = new PerParameterState(2);
    private long iterations;
    /** beta_1^t and beta_2^t, kept as running products instead of a pow per step. */
    private double beta1Power = 1;

    private double beta2Power = 1;

    public Adam(OptimizerSpec.Adam spec) {
        this.spec = spec;
    }

    @Override
    public void step(List<Parameter> parameters) {
        iterations++;
        beta1Power *= spec.beta1();
        beta2Power *= spec.beta2();
        float alpha = (float) (spec.learningRate() * Math.sqrt(1 - beta2Power) / (1 - beta1Power));
        float oneMinusB1 = (float) (1 - spec.beta1());
        float oneMinusB2 = (float) (1 - spec.beta2());
        float epsilon = (float) spec.epsilon();
        for (int k = 0; k < parameters.size(); k++) { // indexed: no iterator per step
            Parameter p = parameters.get(k);
            float[] w = p.value();
            float[] g = p.gradient();
            float[][] s = moments.of(parameters, k);
            float[] m = s[0];
            float[] v = s[1];
            for (int i = 0; i < w.length; i++) {
                m[i] += (g[i] - m[i]) * oneMinusB1;
                v[i] += (g[i] * g[i] - v[i]) * oneMinusB2;
                w[i] -= alpha * m[i] / ((float) Math.sqrt(v[i]) + epsilon);
            }
        }
    }

    @Override
    public long iterations() {
        return iterations;
    }

    @Override
    public OptimizerState state(List<Parameter> parameters) {
        return new OptimizerState(iterations, SLOTS, moments.copy(parameters));
    }

    @Override
    public void restore(OptimizerState state, List<Parameter> parameters) {
        moments.restore(state, SLOTS, parameters);
        iterations = state.iterations();
        beta1Power = 1;
        beta2Power = 1;
        for (long t = 0; t < iterations; t++) { // the running products of step(), bit for bit
            beta1Power *= spec.beta1();
            beta2Power *= spec.beta2();
        }
    }
}
