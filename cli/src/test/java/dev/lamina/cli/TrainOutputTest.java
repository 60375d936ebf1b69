package dev.lamina.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code train} shows and keeps: the progress line, --quiet, --history, early stopping. */
class TrainOutputTest {
    private static final String TOY = TrainCommandTest.TOY;
    private static final String TOY_X = TrainCommandTest.TOY_X;
    private static final String TOY_Y = TrainCommandTest.TOY_Y;
    private static final String REWRITE = "\r\033[K";

    @TempDir
    Path dir;

    @Test
    void aProgressBarIsRedrawnDuringEachEpochAndReplacedByItsLine() {
        CliRun run = CliRun.of("train", TOY, "--x", TOY_X, "--y", TOY_Y, "--epochs", "2", "--progress", "bar");
        assertThat(run.exitCode()).isZero();
        String epochs =
                run.out().substring(run.out().indexOf(REWRITE), run.out().indexOf("Trained"));
        assertThat(epochs.replaceAll("\\d+ms", "Tms").replaceAll(" - \\d+s - ", " - Ts - "))
                .isEqualTo(REWRITE + "Epoch 1/2 1/1 [==============================] - Ts - loss: 8.8134"
                        + REWRITE + "Epoch 1/2 - loss: 8.8134 - Tms\n"
                        + REWRITE + "Epoch 2/2 1/1 [==============================] - Ts - loss: 8.4967"
                        + REWRITE + "Epoch 2/2 - loss: 8.4967 - Tms\n");
    }

    @Test
    void plainLinesAndQuiet() throws IOException {
        CliRun lines = CliRun.of("train", TOY, "--x", TOY_X, "--y", TOY_Y, "--epochs", "2", "--progress", "lines");
        assertThat(lines.out()).doesNotContain("\r").contains("Epoch 1/2 - loss: 8.8134 - ");

        Path weights = dir.resolve("toy.weights");
        CliRun quiet = CliRun.of(
                "train", TOY, "--x", TOY_X, "--y", TOY_Y, "--epochs", "2", "--quiet", "--save", weights.toString());
        assertThat(quiet.exitCode()).isZero();
        assertThat(quiet.out()).isEmpty();
        assertThat(quiet.err()).isEmpty();
        assertThat(weights).exists();
    }

    @Test
    void theHistoryHasOneRowPerEpochWithEveryMetricMeasured() throws IOException {
        TrainingRuns.Files3 clf = TrainingRuns.classifier(dir, 60);
        Path history = dir.resolve("history.csv");
        CliRun run = CliRun.of(clf.train(
                "--epochs", "3", "--batch-size", "8", "--validation-split", "0.2", "--history", history.toString()));
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("  history: " + history + "\n");
        List<String> rows = Files.readAllLines(history);
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0)).isEqualTo("epoch,loss,accuracy,val_loss,val_accuracy");
        List<String> epochLines =
                run.out().lines().filter(l -> l.startsWith("Epoch ")).toList();
        for (int e = 1; e <= 3; e++) {
            String[] cells = rows.get(e).split(",");
            assertThat(cells[0]).isEqualTo(Integer.toString(e));
            assertThat(epochLines.get(e - 1))
                    .startsWith(String.format(
                            java.util.Locale.ROOT,
                            "Epoch %d/3 - loss: %.4f - accuracy: %.4f - val_loss: %.4f - val_accuracy: %.4f - ",
                            e,
                            Double.parseDouble(cells[1]),
                            Double.parseDouble(cells[2]),
                            Double.parseDouble(cells[3]),
                            Double.parseDouble(cells[4])));
        }
    }

    /** A learning rate too small to change a float weight: the loss never improves after epoch 1. */
    private Path stuckToy() throws IOException {
        return Files.writeString(
                dir.resolve("stuck.lamina"),
                "model Stuck {\n  input [4, 1]\n  conv1d(1, 2, use_bias=false)\n  train {\n    loss mae\n"
                        + "    optimizer sgd(learning_rate=1e-30)\n  }\n}\n");
    }

    @Test
    void earlyStoppingSaysWhereItStoppedAndWhichEpochIsKept() throws IOException {
        Path spec = stuckToy();
        CliRun kept = CliRun.of(
                "train",
                spec.toString(),
                "--x",
                TOY_X,
                "--y",
                TOY_Y,
                "--epochs",
                "10",
                "--early-stopping",
                "0",
                "--monitor",
                "loss");
        assertThat(kept.exitCode()).isZero();
        assertThat(TrainCommandTest.withoutTimes(kept.out()))
                .endsWith("  examples: 1 for training, 0 for validation; batch size 32, 10 epochs, seed 0\n"
                        + "  early stopping: loss, patience 0\n"
                        + "Epoch 1/10 - loss: 8.8134 - Tms\n"
                        + "Epoch 2/10 - loss: 8.8134 - Tms\n"
                        + "Stopped early at epoch 2 of 10: loss has not improved for 1 epoch (best 8.8134, at epoch 1)\n"
                        + "Trained 2 epochs: final loss 8.8134\n"
                        + "Kept the weights of the last epoch, 2 (the best was epoch 1, loss 8.8134; --restore-best"
                        + " keeps the best)\n"
                        + "The weights were not saved (use --save FILE to keep them)\n");

        CliRun restored = CliRun.of(
                "train",
                spec.toString(),
                "--x",
                TOY_X,
                "--y",
                TOY_Y,
                "--epochs",
                "10",
                "--early-stopping",
                "1",
                "--monitor",
                "loss",
                "--restore-best");
        assertThat(TrainCommandTest.withoutTimes(restored.out()))
                .contains("  early stopping: loss, patience 1, restore best\n")
                .contains("Stopped early at epoch 2 of 10: loss has not improved for 1 epoch (best 8.8134, at"
                        + " epoch 1)\n")
                .contains("Restored the weights of epoch 1, the best (loss 8.8134)\n");
    }

    @Test
    void restoreBestKeepsTheBestEpochWhenTrainingRunsToTheEnd() {
        CliRun run = CliRun.of(
                "train",
                TOY,
                "--x",
                TOY_X,
                "--y",
                TOY_Y,
                "--epochs",
                "200",
                "--log-every",
                "200",
                "--early-stopping",
                "200",
                "--monitor",
                "loss",
                "--restore-best",
                "--show-weights");
        assertThat(run.exitCode()).isZero();
        assertThat(TrainCommandTest.withoutTimes(run.out()))
                .contains("Epoch 200/200 - loss: 0.1338 - Tms\n  conv1d/kernel (2, 1, 1): [0.9806, 1.9780]\n"
                        + "Trained 200 epochs: final loss 0.1338\n"
                        + "Restored the weights of epoch 198, the best (loss 0.0014)\n");
    }
}
