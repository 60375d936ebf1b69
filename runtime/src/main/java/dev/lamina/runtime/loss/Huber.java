package dev.lamina.runtime.loss;

import dev.lamina.runtime.spec.LossKind;

/**
 * Keras's {@code huber}: per element {@code 0.5 e^2} where {@code |e| <= delta}, else {@code delta
 * |e| - 0.5 delta^2}, with {@code e = p - t}; the mean over every element.
 */
public final class Huber implements Loss {
    private final double spec;
    private final float delta;

    public Huber(double delta) {
        if (!(delta > 0)) {
            throw new IllegalArgumentException("huber delta must be positive, got " + delta);
        }
        this.spec = delta;
        this.delta = (float) delta;
    }

    /** The delta as given. */
    public double delta() {
        return spec;
    }

    @Override
    public LossKind kind() {
        return LossKind.HUBER;
    }

    @Override
    public float compute(float[] prediction, float[] target, int count, int lastAxis, float[] gradient) {
        double sum = 0;
        float scale = 1f / count;
        for (int i = 0; i < count; i++) {
            float e = prediction[i] - target[i];
            float magnitude = Math.abs(e);
            if (magnitude <= delta) {
                sum += 0.5 * e * e;
                gradient[i] = scale * e;
            } else {
                sum += (double) delta * magnitude - 0.5 * delta * delta;
                gradient[i] = scale * delta * Math.signum(e);
            }
        }
        return (float) (sum / count);
    }
}
