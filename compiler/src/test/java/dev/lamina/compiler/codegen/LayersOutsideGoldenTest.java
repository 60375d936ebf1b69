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
