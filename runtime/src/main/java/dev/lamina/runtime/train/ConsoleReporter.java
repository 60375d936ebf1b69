package dev.lamina.runtime.train;

import java.io.PrintStream;

/**
 * Prints one Keras-style line per epoch and, when the output is a terminal, a progress bar that is
 * redrawn after every mini-batch and replaced by the epoch's line.
 */
public final class ConsoleReporter implements TrainingListener {
    private static final int BAR_WIDTH = 30;

    private final PrintStream out;
    private final boolean progressBar;

    public ConsoleReporter(PrintStream out, boolean progressBar) {
        this.out = out;
        this.progressBar = progressBar;
    }

    /** Prints to standard output, with a progress bar only when it is a terminal. */
    public static ConsoleReporter toStandardOutput() {
        return new ConsoleReporter(System.out, System.console() != null);
    }

    @Override
    public void onBatchEnd(int epoch, int batch, int batches, double loss) {
        if (!progressBar) {
            return;
        }
        int done = (int) ((long) BAR_WIDTH * batch / batches);
        StringBuilder bar = new StringBuilder("\r")
                .append(batch)
                .append('/')
                .append(batches)
                .append(" [");
        for (int i = 0; i < BAR_WIDTH; i++) {
            bar.append(i < done ? '=' : i == done ? '>' : '.');
        }
        bar.append("] - loss: ").append(EpochResult.fourDecimals(loss));
        out.print(bar);
        out.flush();
    }

    @Override
    public void onEpochEnd(EpochResult result) {
        if (progressBar) {
            out.print("\r\033[2K");
        }
        out.println(result.format());
    }
}
