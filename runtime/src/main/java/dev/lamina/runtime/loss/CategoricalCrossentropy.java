package dev.lamina.runtime.loss;

import dev.lamina.runtime.spec.LossKind;

/**
 * Per row of the last axis: {@code q = p / sum(p)}, {@code c = clip(q, eps, 1 - eps)}, {@code
 * -sum(t log c)}; the mean over rows.
 */
public final class CategoricalCrossentropy implements Loss {
    @Override
    public LossKind kind() {
        return LossKind.CATEGORICAL_CROSSENTROPY;
    }

    @Override
    public float compute(float[] prediction, float[] target, int count, int lastAxis, float[] gradient) {
        int rows = count / lastAxis;
        double sum = 0;
        for (int r = 0, o = 0; r < rows; r++, o += lastAxis) {
            sum += NormalizedRows.crossentropy(prediction, o, lastAxis, gradient, 1.0 / rows, target, o);
        }
        return (float) (sum / rows);
    }
}
