package dev.lamina.runtime.interpreter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.runtime.Initializer;
import dev.lamina.runtime.Model;
import dev.lamina.runtime.Parameter;
import dev.lamina.runtime.loss.Loss;
import dev.lamina.runtime.spec.Activation;
import dev.lamina.runtime.spec.DataFormat;
import dev.lamina.runtime.spec.InputSpec;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.LossKind;
import dev.lamina.runtime.spec.MergeKind;
import dev.lamina.runtime.spec.ModelSpec;
import dev.lamina.runtime.spec.NodeSpec;
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
 * every layer kind, padding, stride, dilation and activation. Training mode throughout: batch
 * normalization normalizes with the batch's statistics, so its gradients go through them.
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

    /** channels_first conv, pooling and global pooling, between two channels_last layers. */
    @Test
    void channelsFirstConvolutionsAndPooling() {
        check(
                Shape.of(3, 8),
                false,
                List.of(
                        new LayerSpec.Conv1D(
                                "c1", 4, 3, 1, Padding.SAME, 1, true, Activation.TANH, DataFormat.CHANNELS_FIRST),
                        new LayerSpec.Pooling1D("p1", PoolKind.MAX, 2, 2, Padding.VALID, DataFormat.CHANNELS_FIRST),
                        new LayerSpec.Conv1D("c2", 3, 2, 1, Padding.CAUSAL, 1, true, Activation.ELU),
                        new LayerSpec.Pooling1D("p2", PoolKind.AVERAGE, 2, 1, Padding.SAME, DataFormat.CHANNELS_FIRST),
                        new LayerSpec.Conv1D(
                                "c3", 2, 2, 1, Padding.VALID, 1, true, Activation.LINEAR, DataFormat.CHANNELS_FIRST),
                        new LayerSpec.GlobalPooling1D("g", PoolKind.MAX, DataFormat.CHANNELS_FIRST),
                        new LayerSpec.Dense("d", 3, true, Activation.SOFTMAX)),
                LossKind.CATEGORICAL_CROSSENTROPY,
                22);
    }

    /** Two inputs, a tensor read three times (residual add, subtract), broadcasting multiply, concatenation. */
    @Test
    void graphWithFanOutMergesAndTwoInputs() {
        check(
                new ModelSpec(
                        "graph",
                        List.of(new InputSpec("seq", Shape.of(5, 2), false), new InputSpec("side", Shape.of(3), false)),
                        List.of(
                                node(
                                        new LayerSpec.Conv1D("c1", 3, 2, 1, Padding.SAME, 1, true, Activation.TANH),
                                        "seq"),
                                node(
                                        new LayerSpec.Conv1D("c2", 3, 3, 1, Padding.SAME, 1, true, Activation.LINEAR),
                                        "c1"),
                                node(new LayerSpec.Merge("sum", MergeKind.ADD), "c1", "c2"),
                                node(new LayerSpec.Merge("diff", MergeKind.SUBTRACT), "sum", "c1"),
                                node(new LayerSpec.Dense("gate", 1, true, Activation.SIGMOID), "seq"),
                                node(new LayerSpec.Merge("gated", MergeKind.MULTIPLY), "diff", "gate"),
                                node(new LayerSpec.Flatten("flat"), "gated"),
                                node(new LayerSpec.Dense("ctx", 4, true, Activation.ELU), "side"),
                                node(new LayerSpec.Concatenate("joined", -1), "flat", "ctx", "side"),
                                node(new LayerSpec.Dense("out", 2, true, Activation.LINEAR), "joined")),
                        "out",
                        Optional.empty()),
                LossKind.MSE,
                16);
    }

    /** Average, maximum and minimum of three branches, and a concatenation along the steps. */
    @Test
    void graphWithAverageMaximumMinimumAndStepConcatenation() {
        check(
                new ModelSpec(
                        "folds",
                        List.of(new InputSpec("x", Shape.of(4, 3), false)),
                        List.of(
                                node(new LayerSpec.Dense("a", 2, true, Activation.TANH), "x"),
                                node(new LayerSpec.Dense("b", 2, true, Activation.SIGMOID), "x"),
                                node(new LayerSpec.Dense("c", 2, true, Activation.LINEAR), "x"),
                                node(new LayerSpec.Merge("avg", MergeKind.AVERAGE), "a", "b", "c"),
                                node(new LayerSpec.Merge("max", MergeKind.MAXIMUM), "a", "b", "c"),
                                node(new LayerSpec.Merge("min", MergeKind.MINIMUM), "a", "b", "c"),
                                node(new LayerSpec.Concatenate("steps", 1), "avg", "max", "min"),
                                node(new LayerSpec.GlobalPooling1D("g", PoolKind.AVERAGE), "steps"),
                                node(new LayerSpec.Dense("out", 3, true, Activation.SOFTMAX), "g")),
                        "out",
                        Optional.empty()),
                LossKind.CATEGORICAL_CROSSENTROPY,
                17);
    }

    /**
     * Batch normalization in training mode (gradients through the batch statistics) after a conv
     * and after a dense on vectors, selu and hard sigmoid, huber with delta 0.5.
     */
    @Test
    void batchNormalizationThroughBatchStatistics() {
        check(
                ModelSpec.sequential(
                        "bn",
                        new InputSpec(Shape.of(6, 2), false),
                        List.of(
                                new LayerSpec.Conv1D("c", 3, 2, 1, Padding.SAME, 1, true, Activation.LINEAR),
                                new LayerSpec.BatchNormalization("n1", 0.9, 0.001, true, true),
                                new LayerSpec.ActivationLayer("a", Activation.SELU),
                                new LayerSpec.GlobalPooling1D("g", PoolKind.AVERAGE),
                                new LayerSpec.Dense("d", 4, true, Activation.LINEAR),
                                new LayerSpec.BatchNormalization("n2", 0.99, 0.01, false, true),
                                new LayerSpec.Dense("out", 2, true, Activation.HARD_SIGMOID)),
                        Optional.empty()),
                Loss.of(LossKind.HUBER, 0.5),
                18);
    }

    /** Padding, cropping, up-sampling, permute and layer normalization, leaky relu, silu and softsign. */
    @Test
    void reshapingLayersAndLayerNormalization() {
        check(
                Shape.of(5, 2),
                false,
                List.of(
                        new LayerSpec.ZeroPadding1D("pad", 1, 2),
                        new LayerSpec.Conv1D("c", 3, 3, 1, Padding.VALID, 1, true, Activation.LEAKY_RELU),
                        new LayerSpec.Cropping1D("crop", 1, 0),
                        new LayerSpec.UpSampling1D("up", 2),
                        new LayerSpec.SpatialDropout1D("sd", 0.3),
                        new LayerSpec.Permute("perm", List.of(2, 1)),
                        new LayerSpec.LayerNormalization("ln", 0.001, true, true),
                        new LayerSpec.Dense("d", 3, true, Activation.SILU),
                        new LayerSpec.Flatten("f"),
                        new LayerSpec.Dense("out", 2, true, Activation.SOFTSIGN)),
                LossKind.MSE,
                19);
    }

    /** Batch normalization reading a model input and read twice, without center; layer normalization without scale. */
    @Test
    void normalizationsWithoutAffineTermsInAGraph() {
        check(
                new ModelSpec(
                        "norms",
                        List.of(new InputSpec("x", Shape.of(4, 3), false)),
                        List.of(
                                node(new LayerSpec.BatchNormalization("bn", 0.5, 0.001, false, true), "x"),
                                node(new LayerSpec.Dense("a", 3, true, Activation.TANH), "bn"),
                                node(new LayerSpec.Merge("sum", MergeKind.ADD), "a", "bn"),
                                node(new LayerSpec.LayerNormalization("ln", 0.01, true, false), "sum"),
                                node(new LayerSpec.Flatten("f"), "ln"),
                                node(new LayerSpec.Dense("out", 2, true, Activation.SOFTMAX), "f")),
                        "out",
                        Optional.empty()),
                LossKind.CATEGORICAL_CROSSENTROPY,
                20);
    }

    private static NodeSpec node(LayerSpec layer, String... inputs) {
        return new NodeSpec(layer, List.of(inputs));
    }

    private static void check(Shape input, boolean ids, List<LayerSpec> layers, LossKind lossKind, long seed) {
        check(ModelSpec.sequential("fd", new InputSpec(input, ids), layers, Optional.empty()), lossKind, seed);
    }

    private static void check(ModelSpec spec, LossKind lossKind, long seed) {
        check(spec, Loss.of(lossKind), seed);
    }

    private static void check(ModelSpec spec, Loss loss, long seed) {
        LossKind lossKind = loss.kind();
        Interpreter model = new Interpreter(spec, seed);
        model.setLoss(loss);
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
        float[][] x = new float[spec.inputs().size()][];
        for (int in = 0; in < x.length; in++) {
            InputSpec input = spec.inputs().get(in);
            x[in] = new float[batch * input.shape().size()];
            for (int i = 0; i < x[in].length; i++) {
                x[in][i] = input.integerIds() ? random.nextInt(10) : (float) random.nextDouble(-1.5, 1.5);
            }
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
        for (Parameter p : model.trainableParameters()) {
            float[] analytic = p.gradient().clone();
            for (int i = 0; i < p.size(); i++) {
                double numeric = numeric(model, p.value(), i, x, target, batch);
                if (Math.abs(numeric - analytic[i]) > ATOL + RTOL * Math.abs(numeric)) {
                    mismatches.add(p.key() + "[" + i + "] analytic " + analytic[i] + " numeric " + numeric);
                }
            }
        }
        for (int in = 0; in < x.length; in++) {
            if (spec.inputs().get(in).integerIds()) {
                continue;
            }
            model.computeGradients(x, target, batch);
            float[] analytic = model.inputGradient(in).clone();
            for (int i = 0; i < x[in].length; i++) {
                double numeric = numeric(model, x[in], i, x, target, batch);
                if (Math.abs(numeric - analytic[i]) > ATOL + RTOL * Math.abs(numeric)) {
                    mismatches.add("x" + in + "[" + i + "] analytic " + analytic[i] + " numeric " + numeric);
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    /** d(loss)/d(values[i]) by central differences, restoring the value afterwards. */
    private static double numeric(Model model, float[] values, int i, float[][] x, float[] target, int batch) {
        float saved = values[i];
        values[i] = saved + EPSILON;
        double plus = model.computeGradients(x, target, batch);
        values[i] = saved - EPSILON;
        double minus = model.computeGradients(x, target, batch);
        values[i] = saved;
        return (plus - minus) / (2 * EPSILON);
    }
}
