package dev.lamina.runtime.loss;

import dev.lamina.runtime.spec.LossKind;

/**
 * {@code mean(-(t log c + (1 - t) log(1 - c)))} with {@code c = clip(p, eps, 1 - eps)}; no gradient
 * flows where the probability was clipped.
 */
public final class BinaryCrossentropy implements Loss {
    @Override
    public LossKind kind() {
        return LossKind.BINARY_CROSSENTROPY;
    }

    @Override
    public float compute(float[] prediction, float[] target, int count, int lastAxis, float[] gradient) {
        double sum = 0;
        double scale = 1.0 / count;
        for (int i = 0; i < count; i++) {
            double p = prediction[i];
            double t = target[i];
            double c = Math.min(Math.max(p, EPSILON), 1 - EPSILON);
            sum -= t * Math.log(c) + (1 - t) * Math.log(1 - c);
            boolean clipped = p < EPSILON || p > 1 - EPSILON;
            gradient[i] = clipped ? 0f : (float) (scale * ((c - t) / (c * (1 - c))));
        }
        return (float) (sum / count);
    }
}
