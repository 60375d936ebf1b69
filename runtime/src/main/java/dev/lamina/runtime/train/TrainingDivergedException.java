package dev.lamina.runtime.train;

/**
 * The loss became NaN or infinite: training stopped before applying that batch's update, so the
 * weights are those of the last finite step.
 */
public final class TrainingDivergedException extends RuntimeException {
    private final int epoch;
    private final int batch;

    public TrainingDivergedException(int epoch, int batch, float loss) {
        super("training stopped: the loss became " + loss + " at epoch " + epoch + ", batch " + batch
                + " (the weights keep the last finite step); check the data for NaN or huge values, or"
                + " lower the learning rate");
        this.epoch = epoch;
        this.batch = batch;
    }

    /** The epoch, counting from 1. */
    public int epoch() {
        return epoch;
    }

    /** The mini-batch within the epoch, counting from 1. */
    public int batch() {
        return batch;
    }
}
