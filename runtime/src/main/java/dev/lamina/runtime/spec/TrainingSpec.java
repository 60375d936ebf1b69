package dev.lamina.runtime.spec;

import java.util.Objects;

/**
 * The training section of a model: its loss and optimizer, and the {@code delta} of the huber loss
 * (Keras's default 1.0 for every other loss, which has no such option).
 */
public record TrainingSpec(LossKind loss, OptimizerSpec optimizer, double huberDelta) {
    /** Keras's default {@code delta} of {@code huber}. */
    public static final double DEFAULT_HUBER_DELTA = 1.0;

    public TrainingSpec {
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(optimizer, "optimizer");
        if (!(huberDelta > 0)) {
            throw new IllegalArgumentException("huber delta must be positive, got " + huberDelta);
        }
        if (loss != LossKind.HUBER && huberDelta != DEFAULT_HUBER_DELTA) {
            throw new IllegalArgumentException("loss " + loss.kerasName() + " has no delta");
        }
    }

    /** A training section with the default huber delta. */
    public TrainingSpec(LossKind loss, OptimizerSpec optimizer) {
        this(loss, optimizer, DEFAULT_HUBER_DELTA);
    }
}
