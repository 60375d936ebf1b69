package dev.lamina.runtime.train;

import java.util.OptionalInt;

/**
 * Training met a value that is not finite (NaN or infinite) and stopped at that mini-batch before
 * applying its update, whatever the engine: an input or target of one of its examples, the loss, or
 * a parameter's gradient. The message names the epoch and batch (counting from 1) and, where one
 * example is to blame, its index in the data (counting from 0, in file order).
 */
public final class TrainingDivergedException extends RuntimeException {
    private static final String HINT = "; check the data for NaN or huge values, or lower the learning rate";

    private final int epoch;
    private final int batch;
    private final OptionalInt example;

    private TrainingDivergedException(int epoch, int batch, OptionalInt example, String what) {
        super("training stopped at epoch " + epoch + ", batch " + batch + ": " + what);
        this.epoch = epoch;
        this.batch = batch;
        this.example = example;
    }

    /** Example {@code example}'s {@code array} ({@code x} or {@code y}) holds {@code value} at {@code index}. */
    static TrainingDivergedException data(int epoch, int batch, int example, String array, int index, float value) {
        return new TrainingDivergedException(
                epoch,
                batch,
                OptionalInt.of(example),
                "example " + example + " of " + array + " holds " + value + " (its value " + index
                        + "); nothing was trained on that batch");
    }

    /** The batch's loss is {@code loss}; {@code example} is the first whose own loss is not finite, if any. */
    public static TrainingDivergedException loss(int epoch, int batch, OptionalInt example, float loss) {
        return new TrainingDivergedException(
                epoch,
                batch,
                example,
                "the loss became " + loss
                        + (example.isPresent() ? " (example " + example.getAsInt() + "'s loss is not finite)" : "")
                        + "; the weights keep the last finite step" + HINT);
    }

    /** The gradient of parameter {@code key} holds {@code value} although the loss is finite. */
    static TrainingDivergedException gradient(int epoch, int batch, String key, float value) {
        return new TrainingDivergedException(
                epoch,
                batch,
                OptionalInt.empty(),
                "the gradient of " + key + " became " + value + "; the weights keep the last finite step" + HINT);
    }

    /** The epoch, counting from 1. */
    public int epoch() {
        return epoch;
    }

    /** The mini-batch within the epoch, counting from 1. */
    public int batch() {
        return batch;
    }

    /** The example to blame, counting from 0 in the data's order, when there is one. */
    public OptionalInt example() {
        return example;
    }
}
