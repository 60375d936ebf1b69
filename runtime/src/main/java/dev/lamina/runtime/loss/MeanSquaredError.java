package dev.lamina.runtime.loss;

import dev.lamina.runtime.spec.LossKind;

/** {@code mean((p - t)^2)} over every element. */
public final class MeanSquaredError implements Loss {
    @Override
    public LossKind kind() {
        return LossKind.MSE;
    }

    @Override
    public float compute(float[] prediction, float[] target, int count, int lastAxis, float[] gradient) {
        double sum = 0;
        float scale = 2f / count;
        for (int i = 0; i < count; i++) {
            float d = prediction[i] - target[i];
            sum += (double) d * d;
            gradient[i] = scale * d;
        }
        return (float) (sum / count);
    }
}
