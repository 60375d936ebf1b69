package dev.lamina.runtime.interpreter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lamina.runtime.Model;
import dev.lamina.runtime.spec.Activation;
import dev.lamina.runtime.spec.InputSpec;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.ModelSpec;
import dev.lamina.runtime.spec.Padding;
import dev.lamina.runtime.spec.PoolKind;
import dev.lamina.runtime.spec.Shape;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InterpreterTest {
    private static Interpreter model(Shape input, boolean ids, LayerSpec... layers) {
        return new Interpreter(
                ModelSpec.sequential("m", new InputSpec(input, ids), List.of(layers), Optional.empty()), 7);
    }

    private static LayerSpec.Conv1D conv(String name) {
        return new LayerSpec.Conv1D(name, 2, 3, 1, Padding.SAME, 1, true, Activation.TANH);
    }

    @Test
    void initializesLikeKerasFromTheSeed() {
        Interpreter a = model(Shape.of(4, 3), false, conv("c"), new LayerSpec.Embedding("e", 5, 2));
        Interpreter b = model(Shape.of(4, 3), false, conv("c"), new LayerSpec.Embedding("e", 5, 2));
        assertThat(a.parameters()).extracting(p -> p.key()).containsExactly("c/kernel", "c/bias", "e/embeddings");
        assertThat(a.parameter("c/kernel").value())
                .containsExactly(b.parameter("c/kernel").value());
        double limit = Math.sqrt(6.0 / (3 * 3 + 3 * 2));
        for (float v : a.parameter("c/kernel").value()) {
            assertThat(Math.abs(v)).isLessThanOrEqualTo((float) limit);
        }
        assertThat(a.parameter("c/bias").value()).containsOnly(0f);
        for (float v : a.parameter("e/embeddings").value()) {
            assertThat(Math.abs(v)).isLessThanOrEqualTo(0.05f);
        }
        assertThat(a.parameterCount()).isEqualTo(3 * 3 * 2 + 2 + 10);
    }

    /**
     * Keras propagates NaN: relu(NaN) is NaN and a window holding NaN has a NaN maximum, wherever the
     * NaN is in the window (generated code does the same, see the compiler's engine tests).
     */
    @Test
    void reluAndMaxPoolingPropagateNaN() {
        Interpreter relu = model(Shape.of(4), false, new LayerSpec.ActivationLayer("a", Activation.RELU));
        assertThat(relu.predict(new float[] {Float.NaN, -1, 2, -0f}, 1)).containsExactly(Float.NaN, 0f, 2f, 0f);

        Interpreter pool =
                model(Shape.of(6, 1), false, new LayerSpec.Pooling1D("p", PoolKind.MAX, 3, 3, Padding.VALID));
        assertThat(pool.predict(new float[] {Float.NaN, 5, 1, 4, Float.NaN, 9}, 1))
                .containsExactly(Float.NaN, Float.NaN);
        assertThat(pool.predict(new float[] {1, 5, 2, 4, 0, 9}, 1)).containsExactly(5f, 9f);

        Interpreter global = model(Shape.of(3, 2), false, new LayerSpec.GlobalPooling1D("g", PoolKind.MAX));
        assertThat(global.predict(new float[] {1, Float.NaN, 7, 2, Float.NaN, 3}, 1))
                .containsExactly(Float.NaN, Float.NaN);
    }

    /** The gradient through relu and max pooling: a NaN unit passes nothing back, a NaN maximum takes it all. */
    @Test
    void reluMasksTheGradientOfNaNUnitsLikeGeneratedCode() {
        Interpreter relu = model(Shape.of(3), false, new LayerSpec.ActivationLayer("a", Activation.RELU));
        relu.computeGradients(new float[] {Float.NaN, -1, 2}, new float[] {0, 0, 0}, 1);
        assertThat(relu.inputGradient()).containsExactly(0f, 0f, 4f / 3);

        Interpreter pool =
                model(Shape.of(3, 1), false, new LayerSpec.Pooling1D("p", PoolKind.MAX, 3, 3, Padding.VALID));
        pool.computeGradients(new float[] {1, Float.NaN, 9}, new float[] {0}, 1);
        assertThat(pool.inputGradient()[0]).isZero();
        assertThat(pool.inputGradient()[1]).isNaN();
        assertThat(pool.inputGradient()[2]).isZero();
    }

    @Test
    void runsInputsOfUnknownLengthLikeTheSameModelWithAFixedLength() {
        LayerSpec[] layers = {
            conv("c"),
            new LayerSpec.Pooling1D("p", PoolKind.MAX, 2, 2, Padding.SAME),
            new LayerSpec.GlobalPooling1D("g", PoolKind.AVERAGE)
        };
        Interpreter variable = model(Shape.of(Shape.UNKNOWN, 3), false, layers);
        for (int steps : new int[] {5, 8}) {
            Interpreter fixed = model(Shape.of(steps, 3), false, layers);
            float[] x = new float[2 * steps * 3];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) Math.sin(i);
            }
            assertThat(variable.predict(x, 2)).containsExactly(fixed.predict(x, 2), within(0f));
            float[] target = {1, 0, 0, 1};
            assertThat(variable.computeGradients(x, target, 2)).isEqualTo(fixed.computeGradients(x, target, 2));
            assertThat(variable.inputGradient()).containsExactly(fixed.inputGradient());
        }
        assertThatThrownBy(() -> variable.predict(new float[7], 2))
                .hasMessage("input holds 7 values, which is not a batch of 2 examples of shape (None, 3)"
                        + " (a multiple of 6 values)");
    }

    @Test
    void dropoutIsTheIdentityInInferenceAndScalesKeptValuesInTraining() {
        Interpreter model = model(Shape.of(1000), false, new LayerSpec.Dropout("d", 0.25));
        float[] x = new float[1000];
        java.util.Arrays.fill(x, 3f);
        assertThat(model.predict(x, 1)).containsOnly(3f);

        model.setDropoutSeed(1);
        model.computeGradients(x, new float[1000], 1);
        float[] trained = model.trainingOutput();
        int dropped = 0;
        for (float v : trained) {
            assertThat(v).isIn(0f, 4f);
            dropped += v == 0f ? 1 : 0;
        }
        assertThat(dropped).isBetween(200, 300);
        // d(mse)/dx = 2 (y - 0) / n * mask: zero where dropped
        float[] dx = model.inputGradient();
        for (int i = 0; i < 1000; i++) {
            assertThat(dx[i] == 0f).isEqualTo(trained[i] == 0f);
        }

        model.setDropoutInTraining(false);
        model.computeGradients(x, new float[1000], 1);
        assertThat(model.trainingOutput()).containsOnly(3f);
    }

    @Test
    void rejectsEmbeddingIdsOutOfRangeOrNotWhole() {
        Interpreter model = model(Shape.of(3), true, new LayerSpec.Embedding("emb", 4, 2));
        assertThatThrownBy(() -> model.predict(new float[] {0, 4, 1}, 1))
                .hasMessage("emb (embedding): id 4.0 at input position 1 is not a whole number in [0, 4)");
        assertThatThrownBy(() -> model.predict(new float[] {0, 1, 1.5f}, 1))
                .hasMessage("emb (embedding): id 1.5 at input position 2 is not a whole number in [0, 4)");
        model.computeGradients(new float[] {0, 1, 1}, new float[6], 1);
        assertThatThrownBy(model::inputGradient)
                .hasMessage("model m takes integer token ids: it has no input gradient");
    }

    @Test
    void embeddingGradientsScatterAddIntoRepeatedRows() {
        Interpreter model = model(Shape.of(3), true, new LayerSpec.Embedding("emb", 4, 1));
        model.parameter("emb/embeddings").set(new float[] {0, 0, 0, 0});
        // mse against ones: d/dy = 2 (0 - 1) / 3 per id
        model.computeGradients(new float[] {2, 0, 2}, new float[] {1, 1, 1}, 1);
        assertThat(model.parameter("emb/embeddings").gradient())
                .containsExactly(new float[] {-2f / 3, 0, -4f / 3, 0}, within(1e-6f));
    }

    @Test
    void explainsInputsOfTheWrongShape() {
        Model model = model(Shape.of(4, 2), false, conv("c"));
        assertThatThrownBy(() -> model.predict(new float[7], 1))
                .hasMessage("input holds 7 values; a batch of 1 examples of shape (4, 2) needs 8");
        assertThatThrownBy(() -> model.predict(new float[][][] {{{1, 2}, {3, 4}, {5, 6}, {7}}}))
                .hasMessage("example 0 has 1 channels at step 3; the model takes 2 (input shape (4, 2))");
        assertThatThrownBy(() -> model.predict(new float[][][] {{{1, 2}}}))
                .hasMessage("example 0 has 1 steps; expected 4 (input shape (4, 2))");
        assertThatThrownBy(() -> model.predict(new float[][] {{1, 2, 3}}))
                .hasMessage("example 0 has 3 values; the model takes examples of shape (4, 2) (8 values)");
        assertThatThrownBy(() -> model.computeGradients(new float[8], new float[3], 1))
                .hasMessage("target holds 3 values; mse on 1 outputs of shape (4, 2) needs 8");
    }

    @Test
    void predictsFromNestedArraysLikeFromFlatOnes() {
        Model model = model(Shape.of(3, 2), false, conv("c"), new LayerSpec.Flatten("f"));
        float[][][] nested = {{{1, 2}, {3, 4}, {5, 6}}, {{0, 1}, {1, 0}, {2, 2}}};
        float[] flat = {1, 2, 3, 4, 5, 6, 0, 1, 1, 0, 2, 2};
        float[] expected = model.predict(flat, 2);
        float[][] rows = model.predict(nested);
        assertThat(rows).hasDimensions(2, 6);
        assertThat(rows[1]).containsExactly(java.util.Arrays.copyOfRange(expected, 6, 12));
        float[][] fromRows = model.predict(
                new float[][] {java.util.Arrays.copyOfRange(flat, 0, 6), java.util.Arrays.copyOfRange(flat, 6, 12)});
        assertThat(fromRows[0]).containsExactly(java.util.Arrays.copyOfRange(expected, 0, 6));
        assertThat(fromRows[1]).containsExactly(rows[1]);
    }

    @Test
    void summarizesLayersShapesAndParameters() {
        Model model = model(
                Shape.of(Shape.UNKNOWN, 3),
                false,
                conv("c"),
                new LayerSpec.BatchNormalization("n", 0.99, 0.001, true, true),
                new LayerSpec.GlobalPooling1D("g", PoolKind.MAX));
        assertThat(model.summary())
                .isEqualTo(String.format("Model: \"m\"%n"
                        + "Layer (type)                     Output Shape            Param #%n"
                        + "c (conv1d)                       (None, 2)                    20%n"
                        + "n (batch_normalization)          (None, 2)                     8%n"
                        + "g (global_max_pooling1d)         (2,)                          0%n"
                        + "Total params: 28%n"
                        + "Trainable params: 24%n"
                        + "Non-trainable params: 4%n"));
        assertThat(model.trainableParameters())
                .extracting(p -> p.key())
                .containsExactly("c/kernel", "c/bias", "n/gamma", "n/beta");
        assertThat(model.parameters())
                .extracting(p -> p.key() + (p.trainable() ? "" : " (frozen)"))
                .containsExactly(
                        "c/kernel",
                        "c/bias",
                        "n/gamma",
                        "n/beta",
                        "n/moving_mean (frozen)",
                        "n/moving_variance (frozen)");
        assertThat(model.parameter("n/moving_variance").value()).containsExactly(1f, 1f);
        assertThat(model.parameter("n/moving_variance").gradient()).isEmpty();
    }
}
