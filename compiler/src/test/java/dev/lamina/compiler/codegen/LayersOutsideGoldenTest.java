package dev.lamina.compiler.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lamina.compiler.javac.GeneratedModels;
import dev.lamina.compiler.javac.InMemoryJavaCompiler;
import dev.lamina.runtime.Model;
import dev.lamina.runtime.Parameter;
import dev.lamina.runtime.loss.Loss;
import dev.lamina.runtime.spec.Activation;
import dev.lamina.runtime.spec.InputSpec;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.LossKind;
import dev.lamina.runtime.spec.ModelSpec;
import dev.lamina.runtime.spec.Padding;
import dev.lamina.runtime.spec.Shape;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Layers no golden case uses: activation layers and dropout in training. */
class LayersOutsideGoldenTest {
    private final ModelGenerator generator = new ModelGenerator("dev.lamina.generated.extra");

    @ParameterizedTest
    @EnumSource(Activation.class)
    void activationLayerMatchesTheFusedActivation(Activation activation) {
        Shape input = Shape.of(3, 4);
        Model fused = create(ModelSpec.sequential(
                "fused_" + activation.kerasName(),
                new InputSpec(input, false),
                List.of(new LayerSpec.Dense("d", 5, true, activation)),
                Optional.empty()));
        Model separate = create(ModelSpec.sequential(
                "separate_" + activation.kerasName(),
                new InputSpec(input, false),
                List.of(
                        new LayerSpec.Dense("d", 5, true, Activation.LINEAR),
                        new LayerSpec.ActivationLayer("a", activation)),
                Optional.empty()));
        for (int i = 0; i < fused.parameters().size(); i++) {
            separate.parameters().get(i).set(fused.parameters().get(i).value());
        }
        fused.parameter("d/bias").value()[1] = 0.3f;
        separate.parameter("d/bias").value()[1] = 0.3f;
        int batch = 2;
        float[] x = new float[batch * 12];
        float[] target = new float[batch * 15];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) Math.sin(1.7 * i) * 2;
        }
        for (int i = 0; i < target.length; i++) {
            target[i] = (float) Math.cos(0.9 * i);
        }
        assertThat(separate.predict(x, batch)).containsExactly(fused.predict(x, batch), within(1e-6f));
        float fusedLoss = fused.computeGradients(x, target, batch);
        float separateLoss = separate.computeGradients(x, target, batch);
        assertThat(separateLoss).isCloseTo(fusedLoss, within(1e-6f));
        for (Parameter p : fused.parameters()) {
            assertThat(separate.parameter(p.key()).gradient()).containsExactly(p.gradient(), within(1e-6f));
        }
        assertThat(separate.inputGradient()).containsExactly(fused.inputGradient(), within(1e-6f));
    }

    @Test
    void dropoutInTrainingDropsAndScalesWithTheSameMaskBothWays() {
        int n = 1000;
        Model model = create(ModelSpec.sequential(
                "drop",
                new InputSpec(Shape.of(n), false),
                List.of(new LayerSpec.Dropout("dropout", 0.5)),
                Optional.empty()));
        model.setLoss(Loss.of(LossKind.MSE));
        model.setDropoutSeed(42);
        float[] x = new float[n];
        java.util.Arrays.fill(x, 1f);
        float[] target = new float[n];

        float loss = model.computeGradients(x, target, 1);
        float[] dx = model.inputGradient();
        int kept = 0;
        for (float g : dx) {
            assertThat(g).isIn(0f, 8f / n);
            kept += g > 0 ? 1 : 0;
        }
        // each kept value is 2 (scaled by 1 / (1 - 0.5)): loss = 4 * kept / n
        assertThat(loss).isCloseTo(4f * kept / n, within(1e-5f));
        assertThat(kept).isBetween(400, 600);
        assertThat(model.predict(x, 1)).containsOnly(1f);

        model.setDropoutInTraining(false);
        assertThat(model.computeGradients(x, target, 1)).isEqualTo(1f);
        assertThat(model.inputGradient()).containsOnly(2f / n);
    }

    @Test
    void spatialDropoutDropsWholeChannelsWithTheInterpretersMasks() {
        int steps = 6;
        int channels = 200;
        ModelSpec spec = ModelSpec.sequential(
                "spatial",
                new InputSpec(Shape.of(steps, channels), false),
                List.of(new LayerSpec.SpatialDropout1D("drop", 0.25)),
                Optional.empty());
        Model model = create(spec);
        Model interpreter = new dev.lamina.runtime.interpreter.Interpreter(spec, 0);
        float[] x = new float[2 * steps * channels];
        java.util.Arrays.fill(x, 1f);
        float[] target = new float[x.length];
        for (Model m : List.of(model, interpreter)) {
            m.setLoss(Loss.of(LossKind.MSE));
            m.setDropoutSeed(9);
            m.computeGradients(x, target, 2);
        }
        float[] output = model.trainingOutput();
        assertThat(output).containsExactly(interpreter.trainingOutput());
        assertThat(model.inputGradient()).containsExactly(interpreter.inputGradient());
        int dropped = 0;
        for (int b = 0; b < 2; b++) {
            for (int c = 0; c < channels; c++) {
                float first = output[b * steps * channels + c];
                assertThat(first).isIn(0f, 1f / 0.75f);
                for (int t = 1; t < steps; t++) {
                    assertThat(output[(b * steps + t) * channels + c]).isEqualTo(first);
                }
                dropped += first == 0f ? 1 : 0;
            }
        }
        assertThat(dropped).isBetween(60, 140);
        assertThat(model.predict(x, 2)).containsOnly(1f);
    }

    /**
     * A linear conv, its batch normalization and relu become one folded inference pass; a
     * normalization after a tanh conv is not folded. Both agree with the interpreter, also after
     * the moving statistics, gamma and beta are written directly.
     */
    @Test
    void batchNormalizationFoldsIntoTheLinearConvolutionBeforeIt() {
        ModelSpec spec = ModelSpec.sequential(
                "folded",
                new InputSpec(Shape.of(12, 3), false),
                List.of(
                        new LayerSpec.Conv1D("conv", 8, 3, 1, Padding.SAME, 1, true, Activation.LINEAR),
                        new LayerSpec.BatchNormalization("bn", 0.99, 0.001, true, true),
                        new LayerSpec.ActivationLayer("relu", Activation.RELU),
                        new LayerSpec.Conv1D("conv2", 4, 3, 1, Padding.VALID, 1, false, Activation.TANH),
                        new LayerSpec.BatchNormalization("bn2", 0.99, 0.01, false, true),
                        new LayerSpec.Flatten("flat"),
                        new LayerSpec.Dense("out", 2, true, Activation.LINEAR)),
                Optional.empty());
        String source = generator.generate(spec).source();
        assertThat(source)
                .contains("convForwardFolded(x[0], reluOut, batch);", "// bn: folded into conv", "bn2Forward(")
                .doesNotContain("conv2ForwardFolded");
        Model model = create(spec);
        Model interpreter = new dev.lamina.runtime.interpreter.Interpreter(spec, 3);
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        for (Parameter p : interpreter.parameters()) {
            float[] values = p.value();
            for (int i = 0; i < values.length; i++) {
                values[i] = (float)
                        (p.name().equals("moving_variance") ? random.nextDouble(0.2, 2) : random.nextDouble(-1, 1));
            }
            model.parameter(p.key()).set(values);
        }
        float[] x = new float[4 * 12 * 3];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextDouble(-2, 2);
        }
        float[] expected = interpreter.predict(x, 4);
        float[] actual = model.predict(x, 4);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).isCloseTo(expected[i], within(1e-5f * Math.max(1, Math.abs(expected[i]))));
        }
    }

    @Test
    void modelOfReshapesPassesDataAndGradientsThrough() {
        Model model = create(ModelSpec.sequential(
                "reshapes",
                new InputSpec(Shape.of(2, 3), false),
                List.of(new LayerSpec.Flatten("flatten"), new LayerSpec.Reshape("reshape", List.of(3, 2))),
                Optional.empty()));
        model.setLoss(Loss.of(LossKind.MSE));
        float[] x = {1, 2, 3, 4, 5, 6};
        assertThat(model.predict(x, 1)).containsExactly(x);
        float loss = model.computeGradients(x, new float[6], 1);
        assertThat(loss).isCloseTo(91f / 6, within(1e-5f));
        assertThat(model.inputGradient())
                .containsExactly(new float[] {2f / 6, 4f / 6, 1, 8f / 6, 10f / 6, 2}, within(1e-6f));
    }

    @Test
    void outputsWrittenStraightIntoTheCallersArrayMatchTrainingOutputs() {
        Model model = create(ModelSpec.sequential(
                "dense_then_reshape",
                new InputSpec(Shape.of(4), false),
                List.of(
                        new LayerSpec.Dense("dense", 6, true, Activation.TANH),
                        new LayerSpec.Reshape("reshape", List.of(2, 3))),
                Optional.empty()));
        model.setLoss(Loss.of(LossKind.MSE));
        float[] x = {0.5f, -1, 2, 0.25f, 1, 1, -1, 0};
        float[] y = model.predict(x, 2);
        float[] target = new float[12];
        float loss = model.computeGradients(x, target, 2);
        double expected = 0;
        for (float v : y) {
            expected += v * v;
        }
        assertThat(loss).isCloseTo((float) (expected / 12), within(1e-6f));
    }

    private Model create(ModelSpec spec) {
        GeneratedModel model = generator.generate(spec);
        InMemoryJavaCompiler.Result result = TestCompiler.create().compile(model.qualifiedName(), model.source());
        return GeneratedModels.newInstance(result.load(model.qualifiedName()), 3);
    }
}
