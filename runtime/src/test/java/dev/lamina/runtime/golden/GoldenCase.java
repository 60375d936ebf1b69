package dev.lamina.runtime.golden;

import dev.lamina.runtime.loss.Loss;
import dev.lamina.runtime.spec.LossKind;
import dev.lamina.runtime.spec.ModelSpec;
import dev.lamina.runtime.spec.OptimizerSpec;
import dev.lamina.runtime.spec.Shape;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code golden-v1} or {@code golden-v2} case: a model with weights, an input batch (one tensor
 * per model input, in declaration order) and everything expected of it. Parameter maps are keyed
 * {@code layer/name} like {@link dev.lamina.runtime.Parameter#key()}. A case that needs something
 * Lamina does not have yet holds only its name and {@link #unsupported()}, the reason it is skipped.
 */
public record GoldenCase(
        String name,
        GoldenModel declared,
        Optional<String> unsupported,
        List<Shape> expectShapes,
        List<Long> expectParams,
        Map<String, Tensor> params,
        List<Tensor> xs,
        Tensor y,
        Tolerance tolerance,
        LossKind lossKind,
        double huberDelta,
        Tensor lossTarget,
        double lossValue,
        Map<String, Tensor> grads,
        Map<String, Tensor> inputGrads,
        Optional<Training> train) {

    /** A case skipped because it needs {@code reason} (e.g. "layer kind lstm"). */
    static GoldenCase unsupported(String name, String reason) {
        return new GoldenCase(
                name,
                null,
                Optional.of(reason),
                List.of(),
                List.of(),
                Map.of(),
                List.of(),
                null,
                null,
                null,
                Double.NaN,
                null,
                Double.NaN,
                Map.of(),
                Map.of(),
                Optional.empty());
    }

    /** The {@code train} block: {@code steps} full-batch steps from {@code params}. */
    public record Training(
            LossKind loss,
            double huberDelta,
            OptimizerSpec optimizer,
            int steps,
            double[] losses,
            Map<String, Tensor> paramsAfter,
            Tolerance tolerance) {
        /** The loss of the training steps. */
        public Loss trainingLoss() {
            return Loss.of(loss, huberDelta);
        }
    }

    /** The loss of {@code loss.value} and {@code grads} (huber with the case's delta). */
    public Loss loss() {
        return Loss.of(lossKind, huberDelta);
    }

    /** The runtime spec of the case's model (with its training section). */
    public ModelSpec model() {
        return declared.spec();
    }

    /** Number of examples in the batch. */
    public int batch() {
        return xs.get(0).shape()[0];
    }

    /** The input batch as float arrays, one per model input in declaration order. */
    public float[][] inputs() {
        float[][] arrays = new float[xs.size()][];
        for (int i = 0; i < arrays.length; i++) {
            arrays[i] = xs.get(i).floats();
        }
        return arrays;
    }

    @Override
    public String toString() {
        return name;
    }
}
