package dev.lamina.runtime.train;

import java.util.List;

/**
 * Observes {@link Trainer#fit}: apps and tests capture epochs; {@link ConsoleReporter} prints them;
 * {@link HistoryFile} writes them to a CSV file.
 */
public interface TrainingListener {
    /**
     * Before the first epoch of this run: {@code history} holds the epochs already trained by the
     * run that wrote the checkpoint this one resumes from, else nothing.
     */
    default void onTrainBegin(List<EpochResult> history) {}

    /** Before each epoch's first mini-batch. */
    default void onEpochBegin(int epoch, int epochs) {}

    /** After each mini-batch step. */
    default void onBatchEnd(BatchProgress progress) {}

    /** After each epoch, validation included. */
    default void onEpochEnd(EpochResult result) {}
}
