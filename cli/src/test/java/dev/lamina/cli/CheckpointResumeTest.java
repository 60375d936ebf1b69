package dev.lamina.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.runtime.train.Checkpoint;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train --checkpoint DIR} and {@code --resume DIR}: a run interrupted, even by {@code kill
 * -9}, and resumed ends with the same weights, bit for bit, and the same history as a run that was
 * never interrupted, on any number of threads.
 */
class CheckpointResumeTest {
    @TempDir
    Path dir;

    private static final String[] OPTIONS = {"--validation-split", "0.2", "--seed", "4", "--progress", "lines"};

    private static String[] with(String[] base, String... more) {
        return Stream.concat(Stream.of(base), Stream.of(more)).toArray(String[]::new);
    }

    @Test
    void aRunResumedOnMoreThreadsEndsLikeTheUninterruptedRun() throws IOException {
        TrainingRuns.Files3 wide = TrainingRuns.wide(dir, 40);
        Path expected = dir.resolve("expected.weights");
        Path expectedHistory = dir.resolve("expected.csv");
        CliRun uninterrupted = CliRun.of(wide.train(with(
                OPTIONS, "--epochs", "6", "--save", expected.toString(), "--history", expectedHistory.toString())));
        assertThat(uninterrupted.exitCode()).isZero();

        // The first run stops after 3 epochs; the second asks for 6 and goes on from the checkpoint.
        Path checkpoints = dir.resolve("ck");
        Path history = dir.resolve("history.csv");
        CliRun first = CliRun.of(wide.train(with(
                OPTIONS, "--epochs", "3", "--checkpoint", checkpoints.toString(), "--history", history.toString())));
        assertThat(first.exitCode()).isZero();
        assertThat(first.out()).contains("  checkpoint: " + checkpoints + ", every epoch\n");
        Path resumed = dir.resolve("resumed.weights");
        CliRun second = CliRun.of(wide.train(with(
                OPTIONS,
                "--epochs",
                "6",
                "--resume",
                checkpoints.toString(),
                "--checkpoint",
                checkpoints.toString(),
                "--checkpoint-every",
                "2",
                "--threads",
                "3",
                "--history",
                history.toString(),
                "--save",
                resumed.toString())));

        assertThat(second.err()).isEmpty();
        assertThat(second.exitCode()).isZero();
        assertThat(TrainCommandTest.withoutTimes(second.out()))
                .contains("  checkpoint: " + checkpoints + ", every 2 epochs and the last\n" + "  resuming from "
                        + checkpoints + " after epoch 3\n")
                .doesNotContain("Epoch 3/6")
                .contains("Epoch 4/6 - loss: ")
                .contains("Trained 6 epochs (3 in this run): final loss ");
        assertThat(Files.readAllBytes(resumed)).isEqualTo(Files.readAllBytes(expected));
        assertThat(Files.readString(history)).isEqualTo(Files.readString(expectedHistory));
        assertThat(Checkpoint.read(checkpoints).epoch()).isEqualTo(6);
    }

    @Test
    void aResumeWithOtherOptionsIsRefusedAndSavesNothing() throws IOException {
        TrainingRuns.Files3 clf = TrainingRuns.classifier(dir, 30);
        Path checkpoints = dir.resolve("ck");
        assertThat(CliRun.of(clf.train(with(OPTIONS, "--epochs", "2", "--checkpoint", checkpoints.toString())))
                        .exitCode())
                .isZero();
        Path save = dir.resolve("w.weights");
        CliRun run = CliRun.of(clf.train(with(
                OPTIONS,
                "--epochs",
                "4",
                "--batch-size",
                "8",
                "--resume",
                checkpoints.toString(),
                "--save",
                save.toString())));
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .isEqualTo("lamina: the checkpoint was made by a run with other settings (1 difference):\n"
                        + "  batch_size: 32 in the checkpoint, 8 now\n");
        assertThat(save).doesNotExist();

        CliRun done = CliRun.of(clf.train(with(OPTIONS, "--epochs", "2", "--resume", checkpoints.toString())));
        assertThat(done.exitCode()).isEqualTo(1);
        assertThat(done.err())
                .isEqualTo("lamina: the checkpoint is at epoch 2 of 2: no epoch is left to train; ask for more"
                        + " epochs to continue\n");
    }

    /**
     * A real {@code lamina train} process is killed with SIGKILL in the middle of its run, possibly
     * while it writes a checkpoint; the run resumed from its checkpoint folder ends with the weights
     * of the run that was never interrupted, and no temporary file is left behind.
     */
    @Test
    void aRunKilledWithSigkillResumesToTheSameWeights() throws Exception {
        TrainingRuns.Files3 wide = TrainingRuns.wide(dir, 960);
        String[] options = with(
                OPTIONS, "--epochs", "30", "--checkpoint", dir.resolve("ck").toString());
        Process child = startLamina(wide.train(options));
        List<String> seen = new ArrayList<>();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("Epoch 2/30")) {
                seen.add(line);
            }
            assertThat(line).as("the child's output so far: %s", seen).startsWith("Epoch 2/30");
            assertThat(child.isAlive()).isTrue();
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(child.exitValue()).isEqualTo(137); // 128 + SIGKILL
        int reached = Checkpoint.read(dir.resolve("ck")).epoch();
        assertThat(reached).isBetween(2, 29);

        Path resumed = dir.resolve("resumed.weights");
        CliRun resume = CliRun.of(
                wide.train(with(options, "--resume", dir.resolve("ck").toString(), "--save", resumed.toString())));
        assertThat(resume.err()).isEmpty();
        assertThat(resume.out()).contains("  resuming from " + dir.resolve("ck") + " after epoch " + reached + "\n");
        Path expected = dir.resolve("expected.weights");
        CliRun uninterrupted = CliRun.of(wide.train(with(OPTIONS, "--epochs", "30", "--save", expected.toString())));
        assertThat(uninterrupted.exitCode()).isZero();
        assertThat(Files.readAllBytes(resumed)).isEqualTo(Files.readAllBytes(expected));
        try (Stream<Path> files = Files.list(dir.resolve("ck"))) {
            assertThat(files).containsExactly(dir.resolve("ck").resolve(Checkpoint.FILE_NAME));
        }
    }

    /** {@code lamina ARGS} in a new JVM, its stderr merged into its stdout. */
    private static Process startLamina(String[] args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                LaminaCli.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }
}
