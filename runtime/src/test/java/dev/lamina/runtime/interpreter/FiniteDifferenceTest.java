package dev.lamina.runtime.interpreter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.runtime.Initializer;
import dev.lamina.runtime.Model;
import dev.lamina.runtime.Parameter;
import dev.lamina.runtime.loss.Loss;
import dev.lamina.runtime.spec.Activation;
import dev.lamina.runtime.spec.InputSpec;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.LossKind;
import dev.lamina.runtime.spec.ModelSpec;
import dev.lamina.runtime.spec.Padding;
import dev.lamina.runtime.spec.PoolKind;
import dev.lamina.runtime.spec.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Back-propagation against central finite differences, in float, on small random stacks that mix
 * every layer kind, padding, stride, dilation and activation.
 */
class FiniteDifferenceTest {
    private static final float EPSILON = 5e-3f;
    private static final double ATOL = 2e-3;
    private static final double RTOL = 2e-2;

    @Test
    void convPoolingFlattenDenseSoftmax() {
        check(
                Shape.of(9, 3),
                false,
                List.of(
                        new LayerSpec.Conv1D("c1", 4, 3, 2, Padding.SAME, 1, true, Activation.TANH),
                        new LayerSpec.Pooling1D("p1", PoolKind.AVERAGE, 3, 2, Padding.SAME),
                        new LayerSpec.Conv1D("c2", 3, 2, 1, Padding.CAUSAL, 2, true, Activation.GELU),
                        new LayerSpec.Flatten("f"),
                        new LayerSpec.Dense("d1", 5, true, Activation.ELU),
                        new LayerSpec.Dense("d2", 3, true, Activation.SOFTMAX)),
                LossKind.CATEGORICAL_CROSSENTROPY,
                11);
    }

    @Test
    void globalAverageRepeatDenseOnStepsReshape() {
        check(
                Shape.of(7, 2),
                false,
                List.of(
                        new LayerSpec.Conv1D("c1", 3, 3, 1, Padding.VALID, 1, true, Activation.SIGMOID),
                        new LayerSpec.GlobalPooling1D("g", PoolKind.AVERAGE),
                        new LayerSpec.RepeatVector("r", 4),
                        new LayerSpec.Dense("d1", 2, true, Activation.SOFTPLUS),
                        new LayerSpec.Reshape("s", List.of(8)),
                        new LayerSpec.Dense("d2", 1, false, Activation.LINEAR)),
                LossKind.MSE,
                12);
    }

    @Test
    void embeddingConvGlobalMaxSigmoid() {
        check(
                Shape.of(6),
                true,
                List.of(
                        new LayerSpec.Embedding("e", 10, 4),
                        new LayerSpec.Conv1D("c1", 3, 2, 1, Padding.SAME, 1, true, Activation.TANH),
                        new LayerSpec.GlobalPooling1D("g", PoolKind.MAX),
                        new LayerSpec.Dense("d", 3, true, Activation.SIGMOID)),
                LossKind.BINARY_CROSSENTROPY,
                13);
    }

    @Test
    void activationDropoutMaxPoolingSparse() {
        check(
                Shape.of(5, 4),
                false,
                List.of(
                        new LayerSpec.ActivationLayer("a1", Activation.ELU),
                        new LayerSpec.Dropout("drop", 0.5),
                        new LayerSpec.Pooling1D("p", PoolKind.MAX, 2, 2, Padding.SAME),
                        new LayerSpec.Conv1D("c", 2, 2, 1, Padding.VALID, 1, true, Activation.RELU),
                        new LayerSpec.Flatten("f"),
                        new LayerSpec.Dense("d", 3, true, Activation.LINEAR),
                        new LayerSpec.ActivationLayer("a2", Activation.SOFTMAX)),
                LossKind.SPARSE_CATEGORICAL_CROSSENTROPY,
                14);
    }

    @Test
    void maeThroughStridedDilatedConvolutions() {
        check(
                Shape.of(12, 2),
                false,
                List.of(
                        new LayerSpec.Conv1D("c1", 3, 3, 1, Padding.SAME, 2, true, Activation.TANH),
                        new LayerSpec.Conv1D("c2", 2, 2, 3, Padding.VALID, 1, true, Activation.LINEAR),
                        new LayerSpec.Pooling1D("p", PoolKind.AVERAGE, 2, 1, Padding.VALID)),
                LossKind.MAE,
                15);
    }

    private static void check(Shape input, boolean ids, List<LayerSpec> layers, LossKind lossKind, long seed) {
        ModelSpec spec = ModelSpec.sequential("fd", new InputSpec(input, ids), layers, Optional.empty());
        Interpreter model = new Interpreter(spec, seed);
        model.setLoss(Loss.of(lossKind));
        model.setDropoutInTraining(false);
        SplittableRandom random = new SplittableRandom(seed);
        for (Parameter p : model.parameters()) {
            if (p.initializer() == Initializer.UNIFORM_005) {
                // Spread embeddings so a max over them is not within epsilon of a tie.
                for (int i = 0; i < p.size(); i++) {
                    p.value()[i] = (float) random.nextDouble(-1, 1);
                }
            }
        }
        int batch = 3;
        float[] x = new float[batch * input.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = ids ? random.nextInt(10) : (float) random.nextDouble(-1.5, 1.5);
        }
        int outputs = batch * spec.outputShape().size();
        int classes = spec.outputShape().last();
        float[] target = new float[lossKind == LossKind.SPARSE_CATEGORICAL_CROSSENTROPY ? outputs / classes : outputs];
        for (int i = 0; i < target.length; i++) {
            target[i] = switch (lossKind) {
                case SPARSE_CATEGORICAL_CROSSENTROPY -> random.nextInt(classes);
                case CATEGORICAL_CROSSENTROPY -> i % classes == 1 ? 1 : 0;
                case BINARY_CROSSENTROPY -> random.nextInt(2);
                default -> (float) random.nextDouble(-1, 1);
            };
        }

        model.computeGradients(x, target, batch);
        List<String> mismatches = new ArrayList<>();
        for (Parameter p : model.parameters()) {
            float[] analytic = p.gradient().clone();
            for (int i = 0; i < p.size(); i++) {
                double numeric = numeric(model, p.value(), i, x, target, batch);
                if (Math.abs(numeric - analytic[i]) > ATOL + RTOL * Math.abs(numeric)) {
                    mismatches.add(p.key() + "[" + i + "] analytic " + analytic[i] + " numeric " + numeric);
                }
            }
        }
        if (!ids) {
            model.computeGradients(x, target, batch);
            float[] analytic = model.inputGradient().clone();
            for (int i = 0; i < x.length; i++) {
                double numeric = numeric(model, x, i, x, target, batch);
                if (Math.abs(numeric - analytic[i]) > ATOL + RTOL * Math.abs(numeric)) {
                    mismatches.add("x[" + i + "] analytic " + analytic[i] + " numeric " + numeric);
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    /** d(loss)/d(values[i]) by central differences, restoring the value afterwards. */
    private static double numeric(Model model, float[] values, int i, float[] x, float[] target, int batch) {
        float saved = values[i];
        values[i] = saved + EPSILON;
        double plus = model.computeGradients(x, target, batch);
        values[i] = saved - EPSILON;
        double minus = model.computeGradients(x, target, batch);
        values[i] = saved;
        return (plus - minus) / (2 * EPSILON);
    }
}
