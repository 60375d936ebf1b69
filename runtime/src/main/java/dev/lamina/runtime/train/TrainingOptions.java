package dev.lamina.runtime.train;

/**
 * How {@link Trainer#fit} runs: number of epochs, examples per mini-batch, the fraction of examples
 * held out for validation (the last ones, like Keras), the seed of the shuffling and dropout
 * streams, and whether to shuffle the training examples each epoch.
 */
public record TrainingOptions(int epochs, int batchSize, double validationSplit, long seed, boolean shuffle) {
    public TrainingOptions {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        if (!(validationSplit >= 0 && validationSplit < 1)) {
            throw new IllegalArgumentException("validation split must be in [0, 1), got " + validationSplit);
        }
    }

    /** Keras's defaults: 1 epoch, batches of 32, no validation, seed 0, shuffled. */
    public static TrainingOptions defaults() {
        return new TrainingOptions(1, 32, 0, 0, true);
    }

    public TrainingOptions withEpochs(int value) {
        return new TrainingOptions(value, batchSize, validationSplit, seed, shuffle);
    }

    public TrainingOptions withBatchSize(int value) {
        return new TrainingOptions(epochs, value, validationSplit, seed, shuffle);
    }

    public TrainingOptions withValidationSplit(double value) {
        return new TrainingOptions(epochs, batchSize, value, seed, shuffle);
    }

    public TrainingOptions withSeed(long value) {
        return new TrainingOptions(epochs, batchSize, validationSplit, value, shuffle);
    }

    public TrainingOptions withShuffle(boolean value) {
        return new TrainingOptions(epochs, batchSize, validationSplit, seed, value);
    }
}
