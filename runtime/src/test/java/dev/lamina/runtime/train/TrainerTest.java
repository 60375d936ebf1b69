package dev.lamina.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lamina.runtime.Model;
import dev.lamina.runtime.Parameter;
import dev.lamina.runtime.interpreter.Interpreter;
import dev.lamina.runtime.loss.Loss;
import dev.lamina.runtime.spec.Activation;
import dev.lamina.runtime.spec.InputSpec;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.LossKind;
import dev.lamina.runtime.spec.ModelSpec;
import dev.lamina.runtime.spec.OptimizerSpec;
import dev.lamina.runtime.spec.Shape;
import dev.lamina.runtime.spec.TrainingSpec;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TrainerTest {
    /** 2 features -> dropout -> sigmoid unit, trained with binary crossentropy and Adam(0.05). */
    private static Model classifier(long seed) {
        return new Interpreter(
                ModelSpec.sequential(
                        "clf",
                        new InputSpec(Shape.of(2), false),
                        List.of(
                                new LayerSpec.Dense("hidden", 8, true, Activation.TANH),
                                new LayerSpec.Dropout("drop", 0.2),
                                new LayerSpec.Dense("out", 1, true, Activation.SIGMOID)),
                        Optional.of(new TrainingSpec(
                                LossKind.BINARY_CROSSENTROPY, new OptimizerSpec.Adam(0.05, 0.9, 0.999, 1e-7)))),
                seed);
    }

    /** 40 points, label 1 when x0 + x1 > 0. */
    private static float[][] separable() {
        SplittableRandom random = new SplittableRandom(5);
        float[] x = new float[80];
        float[] y = new float[40];
        for (int i = 0; i < 40; i++) {
            x[2 * i] = (float) random.nextDouble(-1, 1);
            x[2 * i + 1] = (float) random.nextDouble(-1, 1);
            y[i] = x[2 * i] + x[2 * i + 1] > 0 ? 1 : 0;
        }
        return new float[][] {x, y};
    }

    private static List<float[]> weights(Model model) {
        List<float[]> w = new ArrayList<>();
        for (Parameter p : model.parameters()) {
            w.add(p.value().clone());
        }
        return w;
    }

    @Test
    void learnsASeparableProblemReportingLossAndAccuracyEachEpoch() {
        float[][] data = separable();
        Model model = classifier(3);
        List<EpochResult> seen = new ArrayList<>();
        List<EpochResult> history = new Trainer()
                .addListener(new TrainingListener() {
                    @Override
                    public void onEpochEnd(EpochResult result) {
                        seen.add(result);
                    }
                })
                .fit(
                        model,
                        data[0],
                        data[1],
                        40,
                        TrainingOptions.defaults().withEpochs(30).withBatchSize(8));

        assertThat(seen).isEqualTo(history).hasSize(30);
        assertThat(history.get(0).epoch()).isEqualTo(1);
        assertThat(history.get(29).epochs()).isEqualTo(30);
        assertThat(history.get(29).loss()).isLessThan(history.get(0).loss());
        assertThat(history.get(29).accuracy().getAsDouble()).isGreaterThan(0.9);
        assertThat(history.get(29).validationLoss()).isEmpty();
        Evaluation evaluation = Trainer.evaluate(model, data[0], data[1], 40, 16);
        assertThat(evaluation.accuracy().getAsDouble()).isGreaterThan(0.9);
    }

    @Test
    void sameSeedGivesTheSameWeightsAndAnotherSeedDoesNot() {
        float[][] data = separable();
        TrainingOptions options =
                TrainingOptions.defaults().withEpochs(3).withBatchSize(5).withSeed(11);
        Model first = classifier(3);
        Model second = classifier(3);
        Model third = classifier(3);
        List<EpochResult> a = new Trainer().fit(first, data[0], data[1], 40, options);
        List<EpochResult> b = new Trainer().fit(second, data[0], data[1], 40, options);
        new Trainer().fit(third, data[0], data[1], 40, options.withSeed(12));

        assertThat(a)
                .extracting(EpochResult::loss)
                .isEqualTo(b.stream().map(EpochResult::loss).toList());
        for (int i = 0; i < weights(first).size(); i++) {
            assertThat(weights(second).get(i)).containsExactly(weights(first).get(i));
        }
        assertThat(weights(third).get(0)).isNotEqualTo(weights(first).get(0));
    }

    @Test
    void validatesOnTheLastFractionWithDropoutOff() {
        float[][] data = separable();
        Model model = classifier(3);
        List<EpochResult> history = new Trainer()
                .fit(
                        model,
                        data[0],
                        data[1],
                        40,
                        TrainingOptions.defaults()
                                .withEpochs(2)
                                .withBatchSize(8)
                                .withValidationSplit(0.25));

        float[] lastX = java.util.Arrays.copyOfRange(data[0], 60, 80);
        float[] lastY = java.util.Arrays.copyOfRange(data[1], 30, 40);
        Evaluation expected = Trainer.evaluate(model, lastX, lastY, 10, 10);
        EpochResult last = history.get(1);
        assertThat(last.validationLoss().getAsDouble()).isCloseTo(expected.loss(), within(1e-6));
        assertThat(last.validationAccuracy().getAsDouble())
                .isEqualTo(expected.accuracy().getAsDouble());
    }

    @Test
    void printsOneKerasStyleLinePerEpochWithoutAProgressBarWhenNotATerminal() {
        float[][] data = separable();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new Trainer()
                .addListener(new ConsoleReporter(
                        new PrintWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), true),
                        false,
                        1,
                        System::nanoTime))
                .fit(
                        classifier(3),
                        data[0],
                        data[1],
                        40,
                        TrainingOptions.defaults().withEpochs(2).withValidationSplit(0.1));

        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0])
                .matches("Epoch 1/2 - loss: \\d\\.\\d{4} - accuracy: \\d\\.\\d{4} - val_loss: \\d\\.\\d{4}"
                        + " - val_accuracy: \\d\\.\\d{4} - \\d+ms");
        assertThat(lines[1]).startsWith("Epoch 2/2 - loss: ");
    }

    @Test
    void formatsAnEpochLikeKeras() {
        EpochResult result = new EpochResult(
                3,
                10,
                0.12344,
                java.util.OptionalDouble.of(0.95),
                java.util.OptionalDouble.of(0.2),
                java.util.OptionalDouble.empty(),
                12);
        assertThat(result.format()).isEqualTo("Epoch 3/10 - loss: 0.1234 - accuracy: 0.9500 - val_loss: 0.2000 - 12ms");
    }

    @Test
    void aNanInputStopsAtItsBatchNamingTheExampleBeforeTrainingOnIt() {
        float[][] data = separable();
        data[0][2 * 13 + 1] = Float.NaN; // example 13 is in batch 3 of 5-example batches, unshuffled
        Model model = classifier(3);
        TrainingOptions options =
                TrainingOptions.defaults().withEpochs(2).withBatchSize(5).withShuffle(false);
        List<Integer> batchesDone = new ArrayList<>();

        assertThatThrownBy(() -> new Trainer()
                        .addListener(new TrainingListener() {
                            @Override
                            public void onBatchEnd(BatchProgress progress) {
                                batchesDone.add(progress.batch());
                            }
                        })
                        .fit(model, data[0], data[1], 40, options))
                .isInstanceOf(TrainingDivergedException.class)
                .hasMessage("training stopped at epoch 1, batch 3: example 13 of x holds NaN (its value 1);"
                        + " nothing was trained on that batch")
                .satisfies(e -> {
                    TrainingDivergedException d = (TrainingDivergedException) e;
                    assertThat(d.epoch()).isEqualTo(1);
                    assertThat(d.batch()).isEqualTo(3);
                    assertThat(d.example()).hasValue(13);
                });
        assertThat(batchesDone).containsExactly(1, 2);
        assertThat(model.optimizer().iterations()).isEqualTo(2);
    }

    @Test
    void anInfiniteTargetIsFoundInTheShuffledBatchThatHoldsIt() {
        float[][] data = separable();
        data[1][22] = Float.POSITIVE_INFINITY;
        assertThatThrownBy(() -> new Trainer()
                        .fit(
                                classifier(3),
                                data[0],
                                data[1],
                                40,
                                TrainingOptions.defaults().withBatchSize(8)))
                .isInstanceOf(TrainingDivergedException.class)
                .hasMessageMatching("training stopped at epoch 1, batch [1-5]: example 22 of y holds Infinity \\(its"
                        + " value 0\\); nothing was trained on that batch");
    }

    @Test
    void aLossThatOverflowsStopsNamingTheExampleWhoseLossIsNotFinite() {
        Model model = new Interpreter(
                ModelSpec.sequential(
                        "lin",
                        new InputSpec(Shape.of(1), false),
                        List.of(new LayerSpec.Dense("out", 1, false, Activation.LINEAR)),
                        Optional.empty()),
                1);
        model.parameter("out/kernel").set(new float[] {1});
        float[] x = {1, 2, 3e30f, 4};
        float[] y = {0, 0, -3e30f, 0};
        TrainingOptions options = TrainingOptions.defaults().withBatchSize(2).withShuffle(false);

        assertThatThrownBy(() -> new Trainer().fit(model, x, y, 4, options))
                .isInstanceOf(TrainingDivergedException.class)
                .hasMessage("training stopped at epoch 1, batch 2: the loss became Infinity (example 2's loss is"
                        + " not finite); the weights keep the last finite step; check the data for NaN or huge"
                        + " values, or lower the learning rate");
    }

    @Test
    void aGradientThatIsNotFiniteStopsBeforeTheUpdate() {
        Model model = classifier(3);
        model.setLoss(new Loss() {
            @Override
            public LossKind kind() {
                return LossKind.MSE;
            }

            @Override
            public float compute(float[] prediction, float[] target, int count, int lastAxis, float[] gradient) {
                java.util.Arrays.fill(gradient, 0, count, Float.NEGATIVE_INFINITY);
                return 0.5f;
            }
        });
        float[][] data = separable();
        List<float[]> before = weights(model);

        assertThatThrownBy(() -> new Trainer().fit(model, data[0], data[1], 40, TrainingOptions.defaults()))
                .isInstanceOf(TrainingDivergedException.class)
                .hasMessageStartingWith("training stopped at epoch 1, batch 1: the gradient of hidden/kernel became"
                        + " NaN; the weights keep the last finite step");
        assertThat(weights(model).get(0)).containsExactly(before.get(0));
    }

    @Test
    void aValidationExampleThatIsNotFiniteIsRefusedBeforeTraining() {
        float[][] data = separable();
        data[0][2 * 38] = Float.NaN;
        Model model = classifier(3);
        assertThatThrownBy(() -> new Trainer()
                        .fit(
                                model,
                                data[0],
                                data[1],
                                40,
                                TrainingOptions.defaults().withValidationSplit(0.1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "example 38 of x (a validation example) holds NaN (its value 0); training did not" + " start");
        assertThat(model.optimizer().iterations()).isZero();
    }

    @Test
    void rejectsDataThatDoesNotFitTheModel() {
        assertThatThrownBy(() ->
                        new Trainer().fit(classifier(1), new float[30], new float[10], 10, TrainingOptions.defaults()))
                .hasMessage("each example of x has 3 values; the model takes (2,) (2 values)");
        assertThatThrownBy(() -> new Trainer()
                        .fit(
                                classifier(1),
                                new float[4],
                                new float[2],
                                2,
                                TrainingOptions.defaults().withValidationSplit(0.6)))
                .hasMessageContaining("leaves 0 for training and 2 for validation")
                .isInstanceOf(IllegalArgumentException.class);
    }
}
