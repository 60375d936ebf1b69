package dev.lamina.runtime.train;

import java.util.OptionalDouble;

/**
 * The metrics of one epoch: the mean training loss over its examples, the training accuracy for a
 * classifier, the validation loss and accuracy when a validation split is set, and the wall time.
 */
public record EpochResult(
        int epoch,
        int epochs,
        double loss,
        OptionalDouble accuracy,
        OptionalDouble validationLoss,
        OptionalDouble validationAccuracy,
        long millis) {

    /** Keras style: {@code Epoch 3/10 - loss: 0.1234 - accuracy: 0.9500 - val_loss: 0.2000 - 12ms}. */
    public String format() {
        StringBuilder line = new StringBuilder();
        line.append("Epoch ").append(epoch).append('/').append(epochs);
        line.append(" - loss: ").append(fourDecimals(loss));
        accuracy.ifPresent(a -> line.append(" - accuracy: ").append(fourDecimals(a)));
        validationLoss.ifPresent(v -> line.append(" - val_loss: ").append(fourDecimals(v)));
        validationAccuracy.ifPresent(v -> line.append(" - val_accuracy: ").append(fourDecimals(v)));
        line.append(" - ").append(millis).append("ms");
        return line.toString();
    }

    static String fourDecimals(double value) {
        return String.format(java.util.Locale.ROOT, "%.4f", value);
    }
}
