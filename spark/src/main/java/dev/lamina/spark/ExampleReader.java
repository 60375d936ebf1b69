package dev.lamina.spark;

import dev.lamina.runtime.Model;
import dev.lamina.runtime.spec.InputSpec;
import dev.lamina.runtime.spec.LossKind;
import dev.lamina.runtime.spec.Shape;
import java.io.Serializable;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * Reads one example from a row: one flat array per model input from its column ({@link
 * ModelInputs}: one column per input, in declaration order), checked against the input's shape,
 * and for training the target, checked against the loss.
 */
final class ExampleReader implements Serializable {
    private static final long serialVersionUID = 1L;

    private final ArrayColumn[] inputs;
    private final String[] shapes;
    /** Values per example of each input, or {@code -1} for an input of unknown length. */
    private final int[] sizes;
    /** For an input of unknown length, the product of its known dimensions. */
    private final int[] knownParts;

    private final boolean[] tokenIds;
    private final ArrayColumn target;
    private final int targetSize;
    /** The number of classes for a sparse loss's class indices, else 0. */
    private final int classes;

    private ExampleReader(
            ArrayColumn[] inputs, List<InputSpec> specs, ArrayColumn target, int targetSize, int classes) {
        this.inputs = inputs;
        this.shapes = new String[specs.size()];
        this.sizes = new int[specs.size()];
        this.knownParts = new int[specs.size()];
        this.tokenIds = new boolean[specs.size()];
        for (int k = 0; k < specs.size(); k++) {
            Shape shape = specs.get(k).shape();
            shapes[k] = shape.toString();
            sizes[k] = shape.isFullyKnown() ? shape.size() : -1;
            int known = 1;
            for (int d : shape.dims()) {
                known *= d == Shape.UNKNOWN ? 1 : d;
            }
            knownParts[k] = known;
            tokenIds[k] = specs.get(k).integerIds();
        }
        this.target = target;
        this.targetSize = targetSize;
        this.classes = classes;
    }

    /** A reader of {@code model}'s inputs from {@code columns} of {@code schema}. */
    static ExampleReader forScoring(StructType schema, List<String> columns, Model model) {
        return new ExampleReader(inputColumns(schema, columns, model), ModelInputs.of(model), null, 0, 0);
    }

    /**
     * A reader of inputs and targets; the model's input shapes must be fully known, so that every
     * example weighs the same in a batch's mean loss.
     */
    static ExampleReader forTraining(StructType schema, List<String> columns, String label, Model model) {
        ArrayColumn[] inputs = inputColumns(schema, columns, model);
        for (InputSpec input : ModelInputs.of(model)) {
            if (!input.shape().isFullyKnown()) {
                throw new IllegalArgumentException("model " + model.name() + " takes examples of shape "
                        + input.shape() + "; training on Spark needs a fixed length: declare it in the"
                        + " spec's input and pad the examples to it");
            }
        }
        Shape output = model.outputShape();
        int lastAxis = output.last();
        int targetSize = model.loss().targetCount(output.size(), lastAxis);
        boolean sparse = model.loss().kind() == LossKind.SPARSE_CATEGORICAL_CROSSENTROPY;
        ArrayColumn target = ArrayColumn.of(schema, label, "the target", targetSize == 1);
        return new ExampleReader(inputs, ModelInputs.of(model), target, targetSize, sparse ? lastAxis : 0);
    }

    private static ArrayColumn[] inputColumns(StructType schema, List<String> columns, Model model) {
        List<InputSpec> specs = ModelInputs.of(model);
        if (columns.size() != specs.size()) {
            throw new IllegalArgumentException("model " + model.name() + " takes " + specs.size() + " input"
                    + (specs.size() == 1 ? "" : "s") + ", one array column each; got " + columns.size()
                    + " columns " + columns);
        }
        ArrayColumn[] inputs = new ArrayColumn[columns.size()];
        for (int k = 0; k < inputs.length; k++) {
            inputs[k] = ArrayColumn.of(schema, columns.get(k), "the model's input", false);
        }
        return inputs;
    }

    /** The number of inputs. */
    int inputCount() {
        return inputs.length;
    }

    /** The values of each input of {@code row}, checked. */
    float[][] inputs(Row row) throws BadValueException {
        float[][] values = new float[inputs.length][];
        for (int k = 0; k < inputs.length; k++) {
            values[k] = input(row, k);
        }
        return values;
    }

    private float[] input(Row row, int k) throws BadValueException {
        ArrayColumn column = inputs[k];
        float[] values = column.read(row);
        int length = values.length;
        if (sizes[k] >= 0 ? length != sizes[k] : length == 0 || length % knownParts[k] != 0) {
            throw new BadValueException("column " + column.name() + " has " + length + " values; the model's input"
                    + " takes examples of shape " + shapes[k] + " ("
                    + (sizes[k] >= 0 ? sizes[k] + " values)" : "a positive multiple of " + knownParts[k] + " values)"));
        }
        if (tokenIds[k]) {
            for (int i = 0; i < values.length; i++) {
                if (values[i] < 0 || values[i] != Math.rint(values[i])) {
                    throw new BadValueException("column " + column.name() + " has " + values[i] + " at position " + i
                            + "; the model's input takes token ids (whole numbers from 0)");
                }
            }
        }
        return values;
    }

    /** The target of {@code row}, checked against the loss. */
    float[] target(Row row) throws BadValueException {
        float[] values = target.read(row);
        if (values.length != targetSize) {
            throw new BadValueException("column " + target.name() + " has " + values.length + " values; the loss needs "
                    + targetSize + " per example");
        }
        if (classes > 0) {
            for (float v : values) {
                if (v < 0 || v >= classes || v != Math.rint(v)) {
                    throw new BadValueException("column " + target.name() + " has " + v
                            + ", which is not a class index in [0, " + classes + ")");
                }
            }
        }
        return values;
    }
}
