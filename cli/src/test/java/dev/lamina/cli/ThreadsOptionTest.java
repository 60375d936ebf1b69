package dev.lamina.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.runtime.Model;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --threads} of {@code train} and {@code predict}: from 1 to 4 per processor, else a usage error. */
class ThreadsOptionTest {
    private static final String TOY = TrainCommandTest.TOY;
    private static final String TOY_X = TrainCommandTest.TOY_X;
    private static final String TOY_Y = TrainCommandTest.TOY_Y;

    @TempDir
    Path dir;

    @Test
    void tooManyThreadsIsAUsageErrorNamingTheCap() {
        int cap = Model.maxThreads();
        int processors = Runtime.getRuntime().availableProcessors();
        String expected =
                "--threads must be at most " + cap + " (4 per processor, " + processors + " processors here), got ";
        Path save = dir.resolve("w.weights");
        for (String threads : new String[] {"100000", Integer.toString(cap + 1)}) {
            CliRun train = CliRun.of(
                    "train", TOY, "--x", TOY_X, "--y", TOY_Y, "--threads", threads, "--save", save.toString());
            assertThat(train.exitCode()).isEqualTo(LaminaCli.EXIT_USAGE);
            assertThat(train.out()).isEmpty();
            assertThat(train.err()).startsWith(expected + threads + "\n");
            assertThat(save).doesNotExist();
        }
        Path out = dir.resolve("y.npy");
        CliRun predict = CliRun.of(
                "predict", TOY, "--x", TOY_X, "--weights", "w", "--threads", "100000", "--out", out.toString());
        assertThat(predict.exitCode()).isEqualTo(LaminaCli.EXIT_USAGE);
        assertThat(predict.err()).startsWith(expected + "100000\n");
        assertThat(out).doesNotExist();
    }

    @Test
    void theCapItselfIsAccepted() {
        String cap = Integer.toString(Model.maxThreads());
        CliRun train = CliRun.of("train", TOY, "--x", TOY_X, "--y", TOY_Y, "--epochs", "1", "--threads", cap);
        assertThat(train.err()).isEmpty();
        assertThat(train.exitCode()).isZero();
        assertThat(train.out()).contains(", " + cap + " threads\n");
    }

    @Test
    void helpStatesTheCap() {
        for (String command : new String[] {"train", "predict"}) {
            CliRun help = CliRun.of(command, "--help");
            assertThat(help.exitCode()).isZero();
            assertThat(help.out().replaceAll("\\s+", " "))
                    .contains("--threads=N Threads a batch is split across, from 1 to 4 per processor (default: 1).");
        }
    }
}
