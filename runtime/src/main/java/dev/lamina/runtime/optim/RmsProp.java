package dev.lamina.runtime.optim;

import dev.lamina.runtime.Parameter;
import dev.lamina.runtime.spec.OptimizerSpec;
import java.util.List;

/** RMSprop: {@code v = rho*v + (1-rho)*g*g; w -= lr*g / (sqrt(v)+eps)}. */
public final class RmsProp implements Optimizer {
    private static final List<String> SLOTS = List.of("mean_square");

    private final float learningRate;
    private final float rho;
    private final float epsilon;
    private final PerParameterState meanSquare = new PerParameterState(1);
    private long iterations;

    public RmsProp(OptimizerSpec.RmsProp spec) {
        this.learningRate = (float) spec.learningRate();
        this.rho = (float) spec.rho();
        this.epsilon = (float) spec.epsilon();
    }

    @Override
    public void step(List<Parameter> parameters) {
        iterations++;
        for (int k = 0; k < parameters.size(); k++) { // indexed: no iterator per step
            Parameter p = parameters.get(k);
            float[] w = p.value();
            float[] g = p.gradient();
            float[] v = meanSquare.of(parameters, k)[0];
            for (int i = 0; i < w.length; i++) {
                v[i] = rho * v[i] + (1 - rho) * g[i] * g[i];
                w[i] -= learningRate * g[i] / ((float) Math.sqrt(v[i]) + epsilon);
            }
        }
    }

    @Override
    public long iterations() {
        return iterations;
    }

    @Override
    public OptimizerState state(List<Parameter> parameters) {
        return new OptimizerState(iterations, SLOTS, meanSquare.copy(parameters));
    }

    @Override
    public void restore(OptimizerState state, List<Parameter> parameters) {
        meanSquare.restore(state, SLOTS, parameters);
        iterations = state.iterations();
    }
}
