package dev.lamina.runtime.train;

import dev.lamina.runtime.Model;

/**
 * Training data held flat, split into per-example slices, and gathered into mini-batches. The two
 * batch buffers (full size and the last, smaller one) are allocated once and reused, each of the
 * exact size of its batch so a model with inputs of unknown length sees the right number of steps.
 */
final class Examples {
    /** One gathered mini-batch; its arrays are reused by the next gather of the same size. */
    record Batch(float[] x, float[] y) {}

    private final float[] x;
    private final float[] y;
    private final int xSize;
    private final int ySize;
    private Batch full = new Batch(new float[0], new float[0]);
    private Batch partial = new Batch(new float[0], new float[0]);

    Examples(Model model, float[] x, float[] y, int examples) {
        if (examples < 1) {
            throw new IllegalArgumentException("no examples to train on");
        }
        if (x.length % examples != 0 || x.length == 0) {
            throw new IllegalArgumentException(
                    "x holds " + x.length + " values, which is not " + examples + " equal examples");
        }
        if (y.length % examples != 0 || y.length == 0) {
            throw new IllegalArgumentException(
                    "y holds " + y.length + " values, which is not " + examples + " equal targets");
        }
        this.x = x;
        this.y = y;
        this.xSize = x.length / examples;
        this.ySize = y.length / examples;
        if (model.inputShape().isFullyKnown() && model.inputShape().size() != xSize) {
            throw new IllegalArgumentException("each example of x has " + xSize + " values; the model takes "
                    + model.inputShape() + " (" + model.inputShape().size() + " values)");
        }
    }

    /** The examples {@code order[first, first + size)} copied into a batch. */
    Batch gather(int[] order, int first, int size) {
        Batch batch = size == full.x().length / xSize ? full : size == partial.x().length / xSize ? partial : null;
        if (batch == null) {
            batch = new Batch(new float[size * xSize], new float[size * ySize]);
            if (full.x().length == 0) {
                full = batch;
            } else {
                partial = batch;
            }
        }
        for (int i = 0; i < size; i++) {
            int e = order[first + i];
            System.arraycopy(x, e * xSize, batch.x(), i * xSize, xSize);
            System.arraycopy(y, e * ySize, batch.y(), i * ySize, ySize);
        }
        return batch;
    }
}
