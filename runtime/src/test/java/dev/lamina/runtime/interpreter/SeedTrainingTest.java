package dev.lamina.runtime.interpreter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lamina.runtime.Model;
import dev.lamina.runtime.loss.Loss;
import dev.lamina.runtime.optim.Optimizer;
import dev.lamina.runtime.spec.Activation;
import dev.lamina.runtime.spec.InputSpec;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.LossKind;
import dev.lamina.runtime.spec.ModelSpec;
import dev.lamina.runtime.spec.OptimizerSpec;
import dev.lamina.runtime.spec.Padding;
import dev.lamina.runtime.spec.Shape;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The seed notebook: learning conv1d kernels back from an input and its convolution. */
class SeedTrainingTest {
    private static final float[] TOY_X = {0, 3, 4, 5};

    private static Model conv(int steps, int channels, int filters, int kernelSize) {
        ModelSpec spec = ModelSpec.sequential(
                "seed",
                new InputSpec(Shape.of(steps, channels), false),
                List.of(new LayerSpec.Conv1D(
                        "c1d", filters, kernelSize, 1, Padding.VALID, 1, false, Activation.LINEAR)),
                Optional.empty());
        Model model = new Interpreter(spec, 0);
        model.setLoss(Loss.of(LossKind.MAE));
        model.setOptimizer(Optimizer.of(new OptimizerSpec.Adam(0.05, 0.9, 0.999, 1e-7)));
        return model;
    }

    private static float[] train(Model model, float[] x, float[] y, int steps) {
        for (int i = 0; i < steps; i++) {
            model.trainStep(x, y, 1);
        }
        return model.parameter("c1d/kernel").value();
    }

    @Test
    void adamOnMaeRecoversKernelOneTwoFromTheNotebookStart() {
        Model model = conv(4, 1, 1, 2);
        model.parameter("c1d/kernel").set(new float[] {-0.72896165f, 0.5631139f});

        float[] kernel = train(model, TOY_X, new float[] {6, 11, 14}, 200);

        assertThat(kernel[0]).isCloseTo(1f, within(0.05f));
        assertThat(kernel[1]).isCloseTo(2f, within(0.05f));
        assertThat(model.predict(TOY_X, 1)).containsExactly(new float[] {6, 11, 14}, within(0.3f));
    }

    @Test
    void twoFiltersAreRecoveredTogether() {
        Model model = conv(4, 1, 2, 2); // Glorot-initialized from seed 0

        float[] kernel = train(model, TOY_X, new float[] {6, 12, 11, 25, 14, 32}, 400);

        // Keras layout (kernel_size, in_channels, filters): [[1, 3], [2, 4]].
        assertThat(kernel).containsExactly(new float[] {1, 3, 2, 4}, within(0.05f));
    }

    @Test
    void twoChannelFilterOfThreeStepsIsRecovered() {
        Model model = conv(8, 2, 1, 3); // Glorot-initialized from seed 0
        float[] x = {0, 0, 3, 6, 4, 7, 5, 8, 1, 2, 4, 5, 2, 0, 0, 1};

        float[] kernel = train(model, x, new float[] {14, 20, 14, 15, 10, 4}, 1000);

        assertThat(kernel).containsExactly(new float[] {1, 0, 0, 1, 2, 0}, within(0.1f));
    }
}
