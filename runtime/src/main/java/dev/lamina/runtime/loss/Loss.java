package dev.lamina.runtime.loss;

import dev.lamina.runtime.spec.LossKind;
import dev.lamina.runtime.spec.TrainingSpec;

/**
 * A Keras loss reduced by the mean. Predictions are flat, channels-last; the last axis has {@code
 * lastAxis} elements (classes for the categorical losses).
 */
public interface Loss {
    /** Probabilities are clipped to {@code [EPSILON, 1 - EPSILON]} by the crossentropies. */
    float EPSILON = 1e-7f;

    LossKind kind();

    /**
     * Computes the loss of {@code count} predictions against {@code target} and writes
     * d(loss)/d(prediction) into {@code gradient[0, count)}.
     *
     * @param target same length as the predictions, or one class index per row of {@code lastAxis}
     *     predictions for {@link LossKind#SPARSE_CATEGORICAL_CROSSENTROPY}
     */
    float compute(float[] prediction, float[] target, int count, int lastAxis, float[] gradient);

    /** Number of target values for {@code count} predictions. */
    default int targetCount(int count, int lastAxis) {
        return count;
    }

    /** The loss for a kind, huber with Keras's default delta 1.0. */
    static Loss of(LossKind kind) {
        return of(kind, TrainingSpec.DEFAULT_HUBER_DELTA);
    }

    /** The loss for a kind; {@code huberDelta} is huber's {@code delta} (ignored by the other losses). */
    static Loss of(LossKind kind, double huberDelta) {
        return switch (kind) {
            case MSE -> new MeanSquaredError();
            case MAE -> new MeanAbsoluteError();
            case BINARY_CROSSENTROPY -> new BinaryCrossentropy();
            case CATEGORICAL_CROSSENTROPY -> new CategoricalCrossentropy();
            case SPARSE_CATEGORICAL_CROSSENTROPY -> new SparseCategoricalCrossentropy();
            case HUBER -> new Huber(huberDelta);
        };
    }
}
