package dev.lamina.runtime.golden;

import dev.lamina.runtime.spec.LossKind;
import dev.lamina.runtime.spec.ModelSpec;
import dev.lamina.runtime.spec.OptimizerSpec;
import dev.lamina.runtime.spec.Shape;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code golden-v1} case: a model with weights, an input batch and everything expected of it.
 * Parameter maps are keyed {@code layer/name} like {@link dev.lamina.runtime.Parameter#key()}.
 */
public record GoldenCase(
        String name,
        ModelSpec model,
        List<Shape> expectShapes,
        List<Long> expectParams,
        Map<String, Tensor> params,
        Tensor x,
        Tensor y,
        Tolerance tolerance,
        LossKind lossKind,
        Tensor lossTarget,
        double lossValue,
        Map<String, Tensor> grads,
        Optional<Tensor> inputGrad,
        Optional<Training> train) {

    /** The {@code train} block: {@code steps} full-batch steps from {@code params}. */
    public record Training(
            LossKind loss,
            OptimizerSpec optimizer,
            int steps,
            double[] losses,
            Map<String, Tensor> paramsAfter,
            Tolerance tolerance) {}

    /** Number of examples in {@link #x()}. */
    public int batch() {
        return x.shape()[0];
    }

    @Override
    public String toString() {
        return name;
    }
}
