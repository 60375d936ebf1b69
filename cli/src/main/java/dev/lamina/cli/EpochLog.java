package dev.lamina.cli;

import dev.lamina.runtime.Model;
import dev.lamina.runtime.train.BatchProgress;
import dev.lamina.runtime.train.ConsoleReporter;
import dev.lamina.runtime.train.EpochResult;
import dev.lamina.runtime.train.TrainingListener;
import java.io.PrintWriter;

/**
 * {@code train}'s epoch output: the runtime's {@link ConsoleReporter} (the progress line during an
 * epoch, on a terminal, and every {@code --log-every}-th epoch's line), each printed epoch followed
 * by the model's weights with {@code --show-weights}.
 */
final class EpochLog implements TrainingListener {
    private final ConsoleReporter reporter;
    private final PrintWriter out;
    private final Model model;
    private final boolean showWeights;

    EpochLog(ConsoleReporter reporter, PrintWriter out, Model model, boolean showWeights) {
        this.reporter = reporter;
        this.out = out;
        this.model = model;
        this.showWeights = showWeights;
    }

    @Override
    public void onEpochBegin(int epoch, int epochs) {
        reporter.onEpochBegin(epoch, epochs);
    }

    @Override
    public void onBatchEnd(BatchProgress progress) {
        reporter.onBatchEnd(progress);
    }

    @Override
    public void onEpochEnd(EpochResult result) {
        reporter.onEpochEnd(result);
        if (showWeights && reporter.prints(result)) {
            Describe.weights(model, out);
        }
        out.flush();
    }

    /** Ends a progress line left open by an epoch that failed. */
    void endLine() {
        reporter.endLine();
    }
}
