package dev.lamina.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ConsoleReporterTest {
    private static final String REWRITE = "\r\033[K";

    /** A clock the test moves by hand, in milliseconds. */
    private long millis;

    private final StringWriter text = new StringWriter();

    private ConsoleReporter reporter(boolean bar, int every) {
        return new ConsoleReporter(new PrintWriter(text), bar, every, () -> millis * 1_000_000);
    }

    private static BatchProgress progress(int epoch, int batch, double loss) {
        return new BatchProgress(epoch, 2, batch, 4, loss, OptionalDouble.of(0.5));
    }

    private static EpochResult epoch(int epoch) {
        return new EpochResult(
                epoch, 2, 0.25, OptionalDouble.of(0.75), OptionalDouble.empty(), OptionalDouble.empty(), 1234);
    }

    @Test
    void redrawsTheProgressLineAtMostTenTimesASecondThenPrintsTheEpoch() {
        ConsoleReporter reporter = reporter(true, 1);
        millis = 1000;
        reporter.onEpochBegin(1, 2);
        millis = 1500;
        reporter.onBatchEnd(progress(1, 1, 0.9));
        millis = 1550; // too soon: not drawn
        reporter.onBatchEnd(progress(1, 2, 0.8));
        millis = 2500;
        reporter.onBatchEnd(progress(1, 3, 0.7));
        millis = 2510; // the last batch is always drawn
        reporter.onBatchEnd(progress(1, 4, 0.6));
        reporter.onEpochEnd(epoch(1));

        assertThat(text.toString())
                .isEqualTo(REWRITE + "Epoch 1/2 1/4 [=======>......................] - ETA: 2s - loss: 0.9000"
                        + " - accuracy: 0.5000"
                        + REWRITE + "Epoch 1/2 3/4 [======================>.......] - ETA: 1s - loss: 0.7000"
                        + " - accuracy: 0.5000"
                        + REWRITE + "Epoch 1/2 4/4 [==============================] - 2s - loss: 0.6000"
                        + " - accuracy: 0.5000"
                        + REWRITE + "Epoch 1/2 - loss: 0.2500 - accuracy: 0.7500 - 1234ms" + System.lineSeparator());
    }

    @Test
    void withoutABarPrintsOnlyTheEpochsAskedFor() {
        ConsoleReporter reporter = reporter(false, 2);
        for (int e = 1; e <= 2; e++) {
            reporter.onEpochBegin(e, 2);
            reporter.onBatchEnd(progress(e, 1, 0.9));
            reporter.onEpochEnd(epoch(e));
        }
        assertThat(text.toString())
                .isEqualTo("Epoch 2/2 - loss: 0.2500 - accuracy: 0.7500 - 1234ms" + System.lineSeparator());
    }

    @Test
    void erasesTheBarOfAnEpochThatIsNotPrinted() {
        ConsoleReporter reporter = reporter(true, 5);
        reporter.onEpochBegin(1, 2);
        reporter.onBatchEnd(progress(1, 4, 0.9));
        reporter.onEpochEnd(epoch(1));
        assertThat(text.toString()).endsWith("accuracy: 0.5000" + REWRITE);
    }

    @Test
    void formatsDurationsLikeKeras() {
        assertThat(ConsoleReporter.duration(4.4)).isEqualTo("4s");
        assertThat(ConsoleReporter.duration(65)).isEqualTo("1:05");
        assertThat(ConsoleReporter.duration(3723)).isEqualTo("1:02:03");
    }
}
