package dev.lamina.runtime.loss;

import dev.lamina.runtime.spec.LossKind;

/** {@code mean(|p - t|)} over every element; the gradient at p = t is zero. */
public final class MeanAbsoluteError implements Loss {
    @Override
    public LossKind kind() {
        return LossKind.MAE;
    }

    @Override
    public float compute(float[] prediction, float[] target, int count, int lastAxis, float[] gradient) {
        double sum = 0;
        float scale = 1f / count;
        for (int i = 0; i < count; i++) {
            float d = prediction[i] - target[i];
            sum += Math.abs(d);
            gradient[i] = scale * Math.signum(d);
        }
        return (float) (sum / count);
    }
}
