package dev.lamina.runtime.optim;

import dev.lamina.runtime.Parameter;
import dev.lamina.runtime.spec.OptimizerSpec;
import java.util.List;
import java.util.Map;

/** RMSprop: {@code v = rho*v + (1-rho)*g*g; w -= lr*g / (sqrt(v)+eps)}. */
public final class RmsProp implements Optimizer {
    private final float learningRate;
    private final float rho;
    private final float epsilon;
    private final PerParameterState meanSquare = new PerParameterState("mean_square");
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
        return new OptimizerState("rmsprop", iterations, Map.of(), meanSquare.copy(parameters));
    }

    @Override
    public void restore(List<Parameter> parameters, OptimizerState state) {
        state.checkKind("rmsprop");
        meanSquare.restore(parameters, state.slots());
        iterations = state.iterations();
    }
}
