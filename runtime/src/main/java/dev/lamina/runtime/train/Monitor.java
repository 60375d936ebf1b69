package dev.lamina.runtime.train;

import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * A quantity of {@link EpochResult} that {@link EarlyStopping} watches, by its Keras name, with the
 * direction that counts as better: lower for the losses, higher for the accuracies (Keras's
 * {@code mode="auto"}).
 */
public enum Monitor {
    LOSS("loss", false),
    VAL_LOSS("val_loss", false),
    ACCURACY("accuracy", true),
    VAL_ACCURACY("val_accuracy", true);

    private final String kerasName;
    private final boolean higherIsBetter;

    Monitor(String kerasName, boolean higherIsBetter) {
        this.kerasName = kerasName;
        this.higherIsBetter = higherIsBetter;
    }

    /** {@code loss}, {@code val_loss}, {@code accuracy} or {@code val_accuracy}. */
    public String kerasName() {
        return kerasName;
    }

    /** Whether a higher value is an improvement (Keras's {@code mode="max"}). */
    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** Whether the quantity is measured on the validation examples. */
    public boolean needsValidation() {
        return this == VAL_LOSS || this == VAL_ACCURACY;
    }

    /** Whether the quantity is an accuracy, reported for classifiers only. */
    public boolean needsAccuracy() {
        return this == ACCURACY || this == VAL_ACCURACY;
    }

    /** The value of this quantity in an epoch's result, empty when the epoch did not measure it. */
    public OptionalDouble of(EpochResult result) {
        return switch (this) {
            case LOSS -> OptionalDouble.of(result.loss());
            case VAL_LOSS -> result.validationLoss();
            case ACCURACY -> result.accuracy();
            case VAL_ACCURACY -> result.validationAccuracy();
        };
    }

    /** The monitor named {@code name}. */
    public static Monitor named(String name) {
        return Arrays.stream(values())
                .filter(m -> m.kerasName.equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + name + "' is not a monitored quantity; use "
                        + String.join(
                                ", ",
                                Arrays.stream(values()).map(Monitor::kerasName).toList())));
    }
}
