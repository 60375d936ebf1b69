package dev.lamina.runtime.parallel;

import dev.lamina.runtime.spec.Activation;
import dev.lamina.runtime.spec.InputSpec;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.LossKind;
import dev.lamina.runtime.spec.MergeKind;
import dev.lamina.runtime.spec.ModelSpec;
import dev.lamina.runtime.spec.NodeSpec;
import dev.lamina.runtime.spec.OptimizerSpec;
import dev.lamina.runtime.spec.Padding;
import dev.lamina.runtime.spec.PoolKind;
import dev.lamina.runtime.spec.Shape;
import dev.lamina.runtime.spec.TrainingSpec;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Models just large enough that a batch of 32 splits into 4 shards of 8 and a batch of 64 into 8
 * ({@link dev.lamina.runtime.BatchShards}: about 170k and 190k multiply-adds per example), for the
 * parallelism tests of every engine.
 */
public final class ShardingModels {
    private ShardingModels() {}

    private static final OptimizerSpec ADAM = new OptimizerSpec.Adam(0.01, 0.9, 0.999, 1e-7);
    /**
     * Adam with epsilon 1e-3: the sharded and whole-batch passes add in another order, and with
     * 1e-7 rounding noise in a gradient near zero becomes an update of a sizeable part of the
     * learning rate in one of them only.
     */
    private static final OptimizerSpec SMOOTH_ADAM = new OptimizerSpec.Adam(0.01, 0.9, 0.999, 1e-3);

    /** Conv, relu, max pooling, conv, flatten, dropout and a linear dense, trained with mse. */
    public static ModelSpec convWithDropout() {
        return ModelSpec.sequential(
                "ConvWithDropout",
                new InputSpec(Shape.of(64, 4), false),
                List.of(
                        new LayerSpec.Conv1D("c1", 32, 5, 1, Padding.VALID, 1, true, Activation.RELU),
                        new LayerSpec.Pooling1D("pool", PoolKind.MAX, 2, 2, Padding.VALID),
                        new LayerSpec.Conv1D("c2", 32, 3, 1, Padding.SAME, 1, true, Activation.RELU),
                        new LayerSpec.Flatten("flat"),
                        new LayerSpec.Dropout("drop", 0.25),
                        new LayerSpec.Dense("out", 3, true, Activation.LINEAR)),
                Optional.of(new TrainingSpec(LossKind.MSE, ADAM)));
    }

    /** Conv, relu, global average pooling and a softmax dense, trained with categorical crossentropy. */
    public static ModelSpec softmaxClassifier() {
        return ModelSpec.sequential(
                "SoftmaxClassifier",
                new InputSpec(Shape.of(64, 4), false),
                List.of(
                        new LayerSpec.Conv1D("c1", 48, 5, 1, Padding.SAME, 1, true, Activation.RELU),
                        new LayerSpec.Conv1D("c2", 48, 3, 1, Padding.VALID, 1, true, Activation.RELU),
                        new LayerSpec.GlobalPooling1D("gap", PoolKind.AVERAGE),
                        new LayerSpec.Dense("out", 5, true, Activation.SOFTMAX)),
                Optional.of(new TrainingSpec(LossKind.CATEGORICAL_CROSSENTROPY, ADAM)));
    }

    /**
     * A graph with two inputs: a conv branch read twice (a residual add), dropout, side features
     * through a dense, concatenated into a softmax dense.
     */
    public static ModelSpec twoInputGraph() {
        return new ModelSpec(
                "TwoInputGraph",
                List.of(new InputSpec("seq", Shape.of(64, 4), false), new InputSpec("side", Shape.of(6), false)),
                List.of(
                        node(new LayerSpec.Conv1D("c1", 32, 5, 1, Padding.SAME, 1, true, Activation.RELU), "seq"),
                        node(new LayerSpec.Conv1D("c2", 32, 3, 1, Padding.SAME, 1, true, Activation.LINEAR), "c1"),
                        node(new LayerSpec.Merge("skip", MergeKind.ADD), "c1", "c2"),
                        node(new LayerSpec.GlobalPooling1D("gap", PoolKind.AVERAGE), "skip"),
                        node(new LayerSpec.Dropout("drop", 0.25), "gap"),
                        node(new LayerSpec.Dense("ctx", 8, true, Activation.TANH), "side"),
                        node(new LayerSpec.Concatenate("joined", -1), "drop", "ctx", "side"),
                        node(new LayerSpec.Dense("out", 5, true, Activation.SOFTMAX), "joined")),
                "out",
                Optional.of(new TrainingSpec(LossKind.CATEGORICAL_CROSSENTROPY, ADAM)));
    }

    private static NodeSpec node(LayerSpec layer, String... inputs) {
        return new NodeSpec(layer, List.of(inputs));
    }

    /**
     * Two conv, batch normalization, relu blocks (the first normalization folded for inference in
     * generated code, the second not: a conv with relu feeds it) and a batch normalization of the
     * pooled features, trained with categorical crossentropy. Without dropout, so its whole-batch
     * reference is exact.
     */
    public static ModelSpec normalizedClassifier() {
        return ModelSpec.sequential(
                "NormalizedClassifier",
                new InputSpec(Shape.of(64, 4), false),
                List.of(
                        new LayerSpec.Conv1D("c1", 48, 5, 1, Padding.SAME, 1, false, Activation.LINEAR),
                        new LayerSpec.BatchNormalization("bn1", 0.9, 0.001, true, true),
                        new LayerSpec.ActivationLayer("r1", Activation.RELU),
                        new LayerSpec.Conv1D("c2", 48, 3, 1, Padding.VALID, 1, true, Activation.RELU),
                        new LayerSpec.BatchNormalization("bn2", 0.99, 0.001, true, false),
                        new LayerSpec.GlobalPooling1D("gap", PoolKind.AVERAGE),
                        new LayerSpec.BatchNormalization("bn3", 0.5, 0.01, false, true),
                        new LayerSpec.Dense("out", 5, true, Activation.SOFTMAX)),
                Optional.of(new TrainingSpec(LossKind.CATEGORICAL_CROSSENTROPY, SMOOTH_ADAM)));
    }

    /** {@code count} values uniform in [-1, 1). */
    public static float[] uniform(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = (float) random.nextDouble(-1, 1);
        }
        return values;
    }

    /** {@code rows} one-hot rows of {@code classes} values. */
    public static float[] oneHot(int rows, int classes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[rows * classes];
        for (int r = 0; r < rows; r++) {
            values[r * classes + random.nextInt(classes)] = 1f;
        }
        return values;
    }
}
