package dev.lamina.runtime.loss;

import dev.lamina.runtime.spec.LossKind;

/** {@link CategoricalCrossentropy} with a class index per row instead of a one-hot target. */
public final class SparseCategoricalCrossentropy implements Loss {
    @Override
    public LossKind kind() {
        return LossKind.SPARSE_CATEGORICAL_CROSSENTROPY;
    }

    @Override
    public int targetCount(int count, int lastAxis) {
        return count / lastAxis;
    }

    @Override
    public float compute(float[] prediction, float[] target, int count, int lastAxis, float[] gradient) {
        int rows = count / lastAxis;
        double sum = 0;
        for (int r = 0, o = 0; r < rows; r++, o += lastAxis) {
            int label = (int) target[r];
            if (label < 0 || label >= lastAxis || label != target[r]) {
                throw new IllegalArgumentException(
                        "target " + target[r] + " of row " + r + " is not a class index in [0, " + lastAxis + ")");
            }
            sum += NormalizedRows.crossentropy(prediction, o, lastAxis, gradient, 1.0 / rows, null, label);
        }
        return (float) (sum / rows);
    }
}
