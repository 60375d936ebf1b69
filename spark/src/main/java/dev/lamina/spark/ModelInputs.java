package dev.lamina.spark;

import dev.lamina.runtime.Model;
import dev.lamina.runtime.spec.InputSpec;
import java.util.List;

/**
 * The one place that knows how many inputs a model has and how arrays reach it. The Spark module
 * maps a model's inputs to array columns, one column per input in the model's declaration order,
 * and passes one flat {@code float[]} per input for a batch. Today's models have a single input;
 * when models gain several named inputs, {@link #of}, {@link #predict} and {@link
 * #computeGradients} are what change.
 */
final class ModelInputs {
    /** The column of a single-input model's examples unless told otherwise (Spark ML's name). */
    static final String DEFAULT_COLUMN = "features";

    private ModelInputs() {}

    /** The model's inputs, in declaration order. */
    static List<InputSpec> of(Model model) {
        return model.spec().inputs();
    }

    /**
     * The columns used when none are named: {@value #DEFAULT_COLUMN} for a single input, else one
     * column per input named like it.
     */
    static List<String> defaultColumns(Model model) {
        List<InputSpec> inputs = of(model);
        return inputs.size() == 1
                ? List.of(DEFAULT_COLUMN)
                : inputs.stream().map(InputSpec::name).toList();
    }

    /** Inference on a batch given one flat array per input. */
    static float[] predict(Model model, float[][] inputs, int batch) {
        return model.predict(inputs[0], batch);
    }

    /** {@link Model#computeGradients} on a batch given one flat array per input. */
    static float computeGradients(Model model, float[][] inputs, float[] target, int batch) {
        return model.computeGradients(inputs[0], target, batch);
    }
}
