package dev.lamina.runtime.train;

import dev.lamina.runtime.Model;
import dev.lamina.runtime.spec.InputSpec;
import dev.lamina.runtime.spec.Shape;
import java.util.List;

/**
 * Training data held flat (one array per model input, and the targets), split into per-example
 * slices, and gathered into mini-batches. The two batch buffers (full size and the last, smaller
 * one) are allocated once and reused, each of the exact size of its batch so a model with inputs of
 * unknown length sees the right number of steps.
 */
final class Examples {
    /** One gathered mini-batch, one array per input; its arrays are reused by the next gather of the same size. */
    record Batch(float[][] x, float[] y) {}

    private final float[][] x;
    private final float[] y;
    private final int[] xSizes;
    private final int ySize;
    private Batch full;
    private Batch partial;
    private int fullSize;
    private int partialSize;

    Examples(Model model, float[][] x, float[] y, int examples) {
        if (examples < 1) {
            throw new IllegalArgumentException("no examples to train on");
        }
        List<InputSpec> inputs = model.inputs();
        if (x.length != inputs.size()) {
            throw new IllegalArgumentException(
                    "model " + model.name() + " has " + inputs.size() + " inputs, got " + x.length + " arrays");
        }
        this.xSizes = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            String what = x.length == 1 ? "x" : "input '" + inputs.get(i).name() + "'";
            if (x[i].length % examples != 0 || x[i].length == 0) {
                throw new IllegalArgumentException(
                        what + " holds " + x[i].length + " values, which is not " + examples + " equal examples");
            }
            xSizes[i] = x[i].length / examples;
            Shape shape = inputs.get(i).shape();
            if (shape.isFullyKnown() && shape.size() != xSizes[i]) {
                throw new IllegalArgumentException("each example of " + what + " has " + xSizes[i]
                        + " values; the model takes " + shape + " (" + shape.size() + " values)");
            }
        }
        if (y.length % examples != 0 || y.length == 0) {
            throw new IllegalArgumentException(
                    "y holds " + y.length + " values, which is not " + examples + " equal targets");
        }
        this.x = x;
        this.y = y;
        this.ySize = y.length / examples;
    }

    /** The examples {@code order[first, first + size)} copied into a batch. */
    Batch gather(int[] order, int first, int size) {
        Batch batch = size == fullSize ? full : size == partialSize ? partial : null;
        if (batch == null) {
            float[][] arrays = new float[x.length][];
            for (int i = 0; i < x.length; i++) {
                arrays[i] = new float[size * xSizes[i]];
            }
            batch = new Batch(arrays, new float[size * ySize]);
            if (full == null) {
                full = batch;
                fullSize = size;
            } else {
                partial = batch;
                partialSize = size;
            }
        }
        for (int b = 0; b < size; b++) {
            int e = order[first + b];
            for (int i = 0; i < x.length; i++) {
                System.arraycopy(x[i], e * xSizes[i], batch.x()[i], b * xSizes[i], xSizes[i]);
            }
            System.arraycopy(y, e * ySize, batch.y(), b * ySize, ySize);
        }
        return batch;
    }
}
