package dev.lamina.runtime.optim;

import dev.lamina.runtime.Parameter;
import dev.lamina.runtime.spec.OptimizerSpec;
import java.util.List;
import java.util.Map;

/** Adagrad: {@code a += g*g; w -= lr*g / sqrt(a + eps)}, the accumulator starting at the initial value. */
public final class Adagrad implements Optimizer {
    private final float learningRate;
    private final float epsilon;
    private final PerParameterState accumulators;
    private long iterations;

    public Adagrad(OptimizerSpec.Adagrad spec) {
        this.learningRate = (float) spec.learningRate();
        this.epsilon = (float) spec.epsilon();
        this.accumulators = new PerParameterState((float) spec.initialAccumulatorValue(), "accumulator");
    }

    @Override
    public void step(List<Parameter> parameters) {
        iterations++;
        for (int k = 0; k < parameters.size(); k++) { // indexed: no iterator per step
            Parameter p = parameters.get(k);
            float[] w = p.value();
            float[] g = p.gradient();
            float[] a = accumulators.of(parameters, k)[0];
            for (int i = 0; i < w.length; i++) {
                a[i] += g[i] * g[i];
                w[i] -= learningRate * g[i] / (float) Math.sqrt(a[i] + epsilon);
            }
        }
    }

    @Override
    public long iterations() {
        return iterations;
    }

    @Override
    public OptimizerState state(List<Parameter> parameters) {
        return new OptimizerState("adagrad", iterations, Map.of(), accumulators.copy(parameters));
    }

    @Override
    public void restore(List<Parameter> parameters, OptimizerState state) {
        state.checkKind("adagrad");
        accumulators.restore(parameters, state.slots());
        iterations = state.iterations();
    }
}
