package dev.lamina.runtime.spec;

import java.util.Locale;

/** Keras losses, reduced by the mean. */
public enum LossKind {
    MSE,
    MAE,
    BINARY_CROSSENTROPY,
    CATEGORICAL_CROSSENTROPY,
    /** Targets are class indices, one per row of the last axis. */
    SPARSE_CATEGORICAL_CROSSENTROPY,
    /** Quadratic within {@code delta} of the target, linear beyond ({@link TrainingSpec#huberDelta()}). */
    HUBER;

    /** The Keras spelling, e.g. {@code categorical_crossentropy}. */
    public String kerasName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static LossKind fromKerasName(String name) {
        for (LossKind k : values()) {
            if (k.kerasName().equals(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown loss '" + name + "'");
    }
}
