package dev.lamina.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --backend} of {@code train} and {@code predict} on the default JDK: usage errors, and the
 * vector backend's refusal on a Java older than 25 (the JDK 25 runs are in {@link
 * VectorBackendCliTest}).
 */
class BackendOptionTest {
    private static final String TOY = TrainCommandTest.TOY;
    private static final String TOY_X = TrainCommandTest.TOY_X;
    private static final String TOY_Y = TrainCommandTest.TOY_Y;

    @TempDir
    Path dir;

    @Test
    void theVectorBackendNeedsTheGeneratedEngine() {
        CliRun train =
                CliRun.of("train", TOY, "--x", TOY_X, "--y", TOY_Y, "--engine", "interpreter", "--backend", "vector");
        assertThat(train.exitCode()).isEqualTo(2);
        assertThat(train.out()).isEmpty();
        assertThat(train.err())
                .startsWith("--backend vector needs --engine generated; the interpreter engine has the scalar backend"
                        + " only\n");
        CliRun predict = CliRun.of(
                "predict", TOY, "--x", TOY_X, "--weights", "w", "--engine", "interpreter", "--backend", "vector");
        assertThat(predict.exitCode()).isEqualTo(2);
        assertThat(predict.err()).startsWith("--backend vector needs --engine generated;");
    }

    @Test
    void anUnknownBackendIsAUsageError() {
        CliRun run = CliRun.of("train", TOY, "--x", TOY_X, "--y", TOY_Y, "--backend", "gpu");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .startsWith("Invalid value for option '--backend': 'gpu' is not a backend; use scalar or vector\n");
    }

    @Test
    void onJavaBefore25TheVectorBackendFailsWithHowToFixItAndWritesNothing() {
        assumeTrue(Runtime.version().feature() < 25, "runs on the default JDK (17)");
        Path save = dir.resolve("toy.weights");
        CliRun train =
                CliRun.of("train", TOY, "--x", TOY_X, "--y", TOY_Y, "--backend", "vector", "--save", save.toString());
        assertThat(train.exitCode()).isEqualTo(1);
        assertThat(train.out()).isEmpty();
        assertThat(train.err())
                .isEqualTo("lamina: --backend vector needs Java 25 or later, and this is Java " + Runtime.version()
                        + " (" + System.getProperty("java.home") + "); run it on a JDK 25+, e.g."
                        + " JAVA_HOME=/path/to/jdk-25 ./lamina train ..., or use --backend scalar\n");
        assertThat(save).doesNotExist();

        Path out = dir.resolve("y.npy");
        CliRun predict = CliRun.of(
                "predict", TOY, "--x", TOY_X, "--weights", "w", "--backend", "vector", "--out", out.toString());
        assertThat(predict.exitCode()).isEqualTo(1);
        assertThat(predict.err())
                .startsWith("lamina: --backend vector needs Java 25 or later")
                .contains("./lamina predict ...");
        assertThat(out).doesNotExist();
    }

    @Test
    void helpDescribesTheBackendOption() {
        for (String command : new String[] {"compile", "train", "predict"}) {
            CliRun help = CliRun.of(command, "--help");
            assertThat(help.exitCode()).isZero();
            // picocli wraps lines anywhere, even after "jdk.": compare without white space.
            assertThat(help.out().replaceAll("\\s+", ""))
                    .contains("--backend=BACKEND")
                    .contains(("Code generation backend: scalar (plain Java 17) or vector (the JDK Vector API; needs"
                                    + " Java 25+ and --add-modules jdk.incubator.vector) (default: scalar).")
                            .replace(" ", ""));
        }
    }
}
