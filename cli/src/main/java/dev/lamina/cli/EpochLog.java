package dev.lamina.cli;

import dev.lamina.runtime.Model;
import dev.lamina.runtime.train.ConsoleReporter;
import dev.lamina.runtime.train.EpochResult;
import dev.lamina.runtime.train.TrainingListener;
import java.io.PrintWriter;
import java.util.Optional;

/**
 * {@code train}'s epoch lines: every {@code every}-th epoch and the last, each in Keras's format
 * ({@link EpochResult#format()}), optionally followed by the model's weights. On a terminal the
 * runtime's {@link ConsoleReporter} also draws a progress bar during each epoch.
 */
final class EpochLog implements TrainingListener {
    private final PrintWriter out;
    private final int every;
    private final Model model;
    private final boolean showWeights;
    private final Optional<ConsoleReporter> terminal;

    EpochLog(PrintWriter out, int every, Model model, boolean showWeights, Optional<ConsoleReporter> terminal) {
        this.out = out;
        this.every = every;
        this.model = model;
        this.showWeights = showWeights;
        this.terminal = terminal;
    }

    @Override
    public void onBatchEnd(int epoch, int batch, int batches, double loss) {
        terminal.ifPresent(t -> t.onBatchEnd(epoch, batch, batches, loss));
    }

    @Override
    public void onEpochEnd(EpochResult result) {
        if (result.epoch() % every != 0 && result.epoch() != result.epochs()) {
            return;
        }
        if (terminal.isPresent()) {
            out.flush();
            terminal.get().onEpochEnd(result);
        } else {
            out.println(result.format());
        }
        if (showWeights) {
            Describe.weights(model, out);
        }
        out.flush();
    }
}
