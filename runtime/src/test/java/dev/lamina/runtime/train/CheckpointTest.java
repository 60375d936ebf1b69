package dev.lamina.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamina.runtime.Model;
import dev.lamina.runtime.Parameter;
import dev.lamina.runtime.interpreter.Interpreter;
import dev.lamina.runtime.spec.Activation;
import dev.lamina.runtime.spec.InputSpec;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.LossKind;
import dev.lamina.runtime.spec.ModelSpec;
import dev.lamina.runtime.spec.OptimizerSpec;
import dev.lamina.runtime.spec.Shape;
import dev.lamina.runtime.spec.TrainingSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run interrupted after a checkpoint and resumed from it ends exactly like a run that was never
 * interrupted: weights, history and early stopping, with shuffling, dropout, Adam and a validation
 * split.
 */
class CheckpointTest {
    @TempDir
    Path dir;

    private static final TrainingOptions OPTIONS = TrainingOptions.defaults()
            .withEpochs(7)
            .withBatchSize(6)
            .withValidationSplit(0.2)
            .withSeed(11);

    /** 2 features -> tanh(8) -> dropout -> sigmoid, binary crossentropy, Adam. */
    private static Model classifier(long seed) {
        return new Interpreter(
                ModelSpec.sequential(
                        "clf",
                        new InputSpec(Shape.of(2), false),
                        List.of(
                                new LayerSpec.Dense("hidden", 8, true, Activation.TANH),
                                new LayerSpec.Dropout("drop", 0.3),
                                new LayerSpec.Dense("out", 1, true, Activation.SIGMOID)),
                        Optional.of(new TrainingSpec(
                                LossKind.BINARY_CROSSENTROPY, new OptimizerSpec.Adam(0.05, 0.9, 0.999, 1e-7)))),
                seed);
    }

    /** 50 points, label 1 when x0 * x1 > 0 (not linearly separable: the loss keeps moving). */
    private static float[][] data() {
        SplittableRandom random = new SplittableRandom(5);
        float[] x = new float[100];
        float[] y = new float[50];
        for (int i = 0; i < 50; i++) {
            x[2 * i] = (float) random.nextDouble(-1, 1);
            x[2 * i + 1] = (float) random.nextDouble(-1, 1);
            y[i] = x[2 * i] * x[2 * i + 1] > 0 ? 1 : 0;
        }
        return new float[][] {x, y};
    }

    /** Stands for a process killed in the middle of an epoch. */
    private static final class Killed extends RuntimeException {}

    @Test
    void aResumedRunEndsWithTheSameWeightsBitForBit() throws Exception {
        float[][] data = data();
        Model uninterrupted = classifier(3);
        EarlyStopping rule = new EarlyStopping(Monitor.VAL_LOSS, 20, true);
        List<EpochResult> expected =
                new Trainer().earlyStopping(rule).fit(uninterrupted, data[0], data[1], 50, OPTIONS);

        Path checkpoints = dir.resolve("run");
        Model interrupted = classifier(3);
        assertThatThrownBy(() -> new Trainer()
                        .earlyStopping(new EarlyStopping(Monitor.VAL_LOSS, 20, true))
                        .checkpoints(checkpoints, 2)
                        .addListener(new TrainingListener() {
                            @Override
                            public void onBatchEnd(BatchProgress progress) {
                                if (progress.epoch() == 6 && progress.batch() == 3) {
                                    throw new Killed();
                                }
                            }
                        })
                        .fit(interrupted, data[0], data[1], 50, OPTIONS))
                .isInstanceOf(Killed.class);
        Checkpoint checkpoint = Checkpoint.read(checkpoints);
        assertThat(checkpoint.epoch()).isEqualTo(4);

        Model resumed = classifier(99); // other initial weights: the checkpoint's replace them
        EarlyStopping resumedRule = new EarlyStopping(Monitor.VAL_LOSS, 20, true);
        List<EpochResult> history = new Trainer()
                .earlyStopping(resumedRule)
                .checkpoints(checkpoints, 2)
                .resumeFrom(checkpoint)
                .fit(resumed, data[0], data[1], 50, OPTIONS);

        for (Parameter p : uninterrupted.parameters()) {
            assertThat(resumed.parameter(p.key()).value()).as(p.key()).containsExactly(p.value());
        }
        assertThat(withoutTimes(history)).isEqualTo(withoutTimes(expected));
        assertThat(resumedRule.bestEpoch()).isEqualTo(rule.bestEpoch());
        assertThat(resumedRule.restored()).isTrue();
        assertThat(resumed.optimizer().iterations())
                .isEqualTo(uninterrupted.optimizer().iterations());
        assertThat(Checkpoint.read(checkpoints).epoch()).isEqualTo(7);
    }

    @Test
    void writesTheCheckpointEveryNEpochsAndAtTheLast() throws Exception {
        float[][] data = data();
        Path checkpoints = dir.resolve("every3");
        List<Integer> seen = new java.util.ArrayList<>();
        new Trainer()
                .checkpoints(checkpoints, 3)
                .addListener(new TrainingListener() {
                    @Override
                    public void onEpochEnd(EpochResult result) {
                        try {
                            seen.add(
                                    Files.exists(Checkpoint.file(checkpoints))
                                            ? Checkpoint.read(checkpoints).epoch()
                                            : 0);
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }
                })
                .fit(classifier(3), data[0], data[1], 50, OPTIONS);
        assertThat(seen).containsExactly(0, 0, 3, 3, 3, 6, 7);
        try (var files = Files.list(checkpoints)) {
            assertThat(files).containsExactly(checkpoints.resolve(Checkpoint.FILE_NAME));
        }
    }

    @Test
    void refusesACheckpointOfARunWithOtherSettings() throws Exception {
        float[][] data = data();
        Path checkpoints = dir.resolve("run");
        new Trainer().checkpoints(checkpoints, 1).fit(classifier(3), data[0], data[1], 50, OPTIONS.withEpochs(2));
        Checkpoint checkpoint = Checkpoint.read(checkpoints);
        float[] otherX = data[0].clone();
        otherX[0] += 1;

        assertThatThrownBy(() -> new Trainer()
                        .resumeFrom(checkpoint)
                        .earlyStopping(new EarlyStopping(Monitor.LOSS, 2, false))
                        .fit(classifier(3), otherX, data[1], 50, OPTIONS.withBatchSize(16)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageMatching("(?s)the checkpoint was made by a run with other settings \\(3 differences\\):\n"
                        + "  data: [0-9a-f]+ \\(150 values\\) in the checkpoint, [0-9a-f]+ \\(150 values\\) now\n"
                        + "  batch_size: 6 in the checkpoint, 16 now\n"
                        + "  early_stopping: off in the checkpoint, loss, patience 2 now");
        assertThatThrownBy(() -> new Trainer()
                        .resumeFrom(checkpoint)
                        .fit(classifier(3), data[0], data[1], 50, OPTIONS.withEpochs(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the checkpoint is at epoch 2 of 2: no epoch is left to train; ask for more epochs to"
                        + " continue");
    }

    @Test
    void aRunThatStoppedEarlyCannotBeResumed() throws Exception {
        float[][] data = data();
        Path checkpoints = dir.resolve("stopped");
        Model model = classifier(3);
        model.setOptimizer(dev.lamina.runtime.optim.Optimizer.of(new OptimizerSpec.Sgd(0, 0, false)));
        TrainingOptions options = OPTIONS.withShuffle(false).withBatchSize(50).withValidationSplit(0);
        model.setDropoutInTraining(false);
        new Trainer()
                .earlyStopping(new EarlyStopping(Monitor.LOSS, 0, false))
                .checkpoints(checkpoints, 5)
                .fit(model, data[0], data[1], 50, options);
        Checkpoint checkpoint = Checkpoint.read(checkpoints);
        assertThat(checkpoint.epoch()).isEqualTo(2);
        assertThatThrownBy(() -> new Trainer()
                        .earlyStopping(new EarlyStopping(Monitor.LOSS, 0, false))
                        .resumeFrom(checkpoint)
                        .fit(classifier(3), data[0], data[1], 50, options))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the checkpoint's run stopped early at epoch 2; there is nothing left to resume");
    }

    @Test
    void aCorruptOrForeignFileIsRefused() throws Exception {
        float[][] data = data();
        Path checkpoints = dir.resolve("run");
        new Trainer().checkpoints(checkpoints, 1).fit(classifier(3), data[0], data[1], 50, OPTIONS.withEpochs(1));
        Path file = Checkpoint.file(checkpoints);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 3));
        assertThatThrownBy(() -> Checkpoint.read(checkpoints))
                .isInstanceOf(CheckpointFormatException.class)
                .hasMessage(file + " is corrupt: truncated data of tensor optimizer/v/out/bias");
        Files.writeString(file, "epoch=3\n");
        assertThatThrownBy(() -> Checkpoint.read(checkpoints))
                .isInstanceOf(CheckpointFormatException.class)
                .hasMessage(file + " is not a Lamina checkpoint (it does not start with LMNC)");
        assertThatThrownBy(() -> Checkpoint.read(dir.resolve("none")))
                .isInstanceOf(java.nio.file.NoSuchFileException.class);
    }

    private static List<EpochResult> withoutTimes(List<EpochResult> history) {
        return history.stream()
                .map(r -> new EpochResult(
                        r.epoch(), r.epochs(), r.loss(), r.accuracy(), r.validationLoss(), r.validationAccuracy(), 0))
                .toList();
    }
}
