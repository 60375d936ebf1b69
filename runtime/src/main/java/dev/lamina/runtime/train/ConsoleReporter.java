package dev.lamina.runtime.train;

import java.io.Console;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Prints Keras-style epoch lines ({@link EpochResult#format()}) for every {@code every}-th epoch and
 * the last. With a progress bar (for a terminal), each epoch also shows a line that is redrawn in
 * place as its mini-batches finish, at most ten times a second,
 *
 * <pre>{@code
 * Epoch 3/10 12/50 [======>.......................] - ETA: 4s - loss: 0.1234 - accuracy: 0.9500
 * }</pre>
 *
 * with the estimated time the epoch's other batches will take and its running loss and accuracy;
 * the epoch's line then replaces it (or it is erased, for an epoch that is not printed).
 */
public final class ConsoleReporter implements TrainingListener {
    private static final int BAR_WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;
    /** Carriage return, then erase to the end of the line (ANSI). */
    private static final String REWRITE = "\r\033[K";

    private final PrintWriter out;
    private final boolean progressBar;
    private final int every;
    private final LongSupplier nanoClock;
    private long epochStart;
    private long lastDraw;
    private boolean drawn;

    /**
     * A reporter printing to {@code out}, with a progress bar or not, every {@code every}-th epoch
     * (and the last), timing batches with {@code nanoClock} (e.g. {@code System::nanoTime}).
     */
    public ConsoleReporter(PrintWriter out, boolean progressBar, int every, LongSupplier nanoClock) {
        if (every < 1) {
            throw new IllegalArgumentException("every must be at least 1, got " + every);
        }
        this.out = Objects.requireNonNull(out, "out");
        this.progressBar = progressBar;
        this.every = every;
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    }

    /** Prints every epoch to standard output, with a progress bar only when it is a terminal. */
    public static ConsoleReporter toStandardOutput() {
        return new ConsoleReporter(
                new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                standardOutputIsTerminal(),
                1,
                System::nanoTime);
    }

    /**
     * Whether standard output is an interactive terminal: {@code System.console()} exists and, on
     * Java 22 or later (where it exists even for redirected streams), says it is a terminal.
     */
    public static boolean standardOutputIsTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // before Java 22 there is a console only when stdin and stdout are terminals
        }
    }

    /** Whether the line of {@code result}'s epoch is printed. */
    public boolean prints(EpochResult result) {
        return result.epoch() % every == 0 || result.epoch() == result.epochs();
    }

    @Override
    public void onEpochBegin(int epoch, int epochs) {
        epochStart = nanoClock.getAsLong();
        drawn = false;
    }

    @Override
    public void onBatchEnd(BatchProgress progress) {
        if (!progressBar) {
            return;
        }
        long now = nanoClock.getAsLong();
        if (drawn && progress.batch() < progress.batches() && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        out.print(REWRITE + progressLine(progress, now - epochStart));
        out.flush();
        lastDraw = now;
        drawn = true;
    }

    @Override
    public void onEpochEnd(EpochResult result) {
        if (drawn) {
            out.print(REWRITE);
            drawn = false;
        }
        if (prints(result)) {
            out.println(result.format());
        }
        out.flush();
    }

    /**
     * Ends the progress line an unfinished epoch left (when training failed in it), so that what is
     * printed next starts on a line of its own.
     */
    public void endLine() {
        if (drawn) {
            out.println();
            out.flush();
            drawn = false;
        }
    }

    /**
     * The progress line of an epoch after {@code elapsedNanos}: the epoch, batches done, a bar, the
     * time left (estimated from the mean time per batch so far) or, after the last batch, the time
     * taken, and the running loss and accuracy.
     */
    static String progressLine(BatchProgress p, long elapsedNanos) {
        int done = (int) ((long) BAR_WIDTH * p.batch() / p.batches());
        StringBuilder line = new StringBuilder()
                .append("Epoch ")
                .append(p.epoch())
                .append('/')
                .append(p.epochs())
                .append(' ')
                .append(p.batch())
                .append('/')
                .append(p.batches())
                .append(" [");
        for (int i = 0; i < BAR_WIDTH; i++) {
            line.append(i < done ? '=' : i == done ? '>' : '.');
        }
        line.append("] - ");
        double seconds = elapsedNanos / 1e9;
        if (p.batch() < p.batches()) {
            line.append("ETA: ").append(duration(seconds / p.batch() * (p.batches() - p.batch())));
        } else {
            line.append(duration(seconds));
        }
        line.append(" - loss: ").append(EpochResult.fourDecimals(p.loss()));
        p.accuracy().ifPresent(a -> line.append(" - accuracy: ").append(EpochResult.fourDecimals(a)));
        return line.toString();
    }

    /** Keras's style: {@code 4s}, {@code 1:05} or {@code 1:02:03}. */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
