package dev.lamina.runtime.train;

/** Observes {@link Trainer#fit}: apps and tests capture epochs; {@link ConsoleReporter} prints them. */
public interface TrainingListener {
    /** After each mini-batch step: {@code batch} counts from 1; {@code loss} is the epoch's mean so far. */
    default void onBatchEnd(int epoch, int batch, int batches, double loss) {}

    /** After each epoch, validation included. */
    default void onEpochEnd(EpochResult result) {}
}
