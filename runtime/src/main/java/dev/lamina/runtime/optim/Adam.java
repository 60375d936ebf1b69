package dev.lamina.runtime.optim;

import dev.lamina.runtime.Parameter;
import dev.lamina.runtime.spec.OptimizerSpec;
import java.util.List;
import java.util.Map;

/**
 * Adam: {@code m += (g-m)(1-b1); v += (g*g-v)(1-b2); w -= lr*sqrt(1-b2^t)/(1-b1^t) * m/(sqrt(v)+eps)}.
 * AdamW first decays every weight, {@code w -= w * weight_decay * lr} (decoupled from the
 * gradient).
 */
public final class Adam implements Optimizer {
    private static final String BETA_1_POWER = "beta_1_power";
    private static final String BETA_2_POWER = "beta_2_power";
    /** {@code adam} or {@code adamw}: the kind a saved state must be of. */
    private final String name;

    private final double learningRate;
    private final double beta1;
    private final double beta2;
    private final float epsilon;
    /** {@code weight_decay * lr}, 0 for plain Adam. */
    private final float decay;

    private final PerParameterState moments = new PerParameterState("m", "v");
    private long iterations;
    /** beta_1^t and beta_2^t, kept as running products instead of a pow per step. */
    private double beta1Power = 1;

    private double beta2Power = 1;

    public Adam(OptimizerSpec.Adam spec) {
        this("adam", spec.learningRate(), spec.beta1(), spec.beta2(), spec.epsilon(), 0);
    }

    /** AdamW. */
    public Adam(OptimizerSpec.AdamW spec) {
        this("adamw", spec.learningRate(), spec.beta1(), spec.beta2(), spec.epsilon(), spec.weightDecay());
    }

    private Adam(String name, double learningRate, double beta1, double beta2, double epsilon, double weightDecay) {
        this.name = name;
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = (float) epsilon;
        this.decay = (float) (weightDecay * learningRate);
    }

    @Override
    public void step(List<Parameter> parameters) {
        iterations++;
        beta1Power *= beta1;
        beta2Power *= beta2;
        float alpha = (float) (learningRate * Math.sqrt(1 - beta2Power) / (1 - beta1Power));
        float oneMinusB1 = (float) (1 - beta1);
        float oneMinusB2 = (float) (1 - beta2);
        for (int k = 0; k < parameters.size(); k++) { // indexed: no iterator per step
            Parameter p = parameters.get(k);
            float[] w = p.value();
            float[] g = p.gradient();
            float[][] s = moments.of(parameters, k);
            float[] m = s[0];
            float[] v = s[1];
            if (decay != 0) {
                for (int i = 0; i < w.length; i++) {
                    w[i] -= w[i] * decay;
                }
            }
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
        return new OptimizerState(
                name, iterations, Map.of(BETA_1_POWER, beta1Power, BETA_2_POWER, beta2Power), moments.copy(parameters));
    }

    @Override
    public void restore(List<Parameter> parameters, OptimizerState state) {
        state.checkKind(name, BETA_1_POWER, BETA_2_POWER);
        moments.restore(parameters, state.slots());
        iterations = state.iterations();
        beta1Power = state.scalars().get(BETA_1_POWER);
        beta2Power = state.scalars().get(BETA_2_POWER);
    }
}
