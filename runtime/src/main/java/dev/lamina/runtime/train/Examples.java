package dev.lamina.runtime.train;

import dev.lamina.runtime.Model;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

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

    /**
     * The first non-finite value among the examples {@code order[first, first + size)}, checked in
     * batch order (x before y), or null when every value is finite.
     */
    NonFinite firstNonFinite(int[] order, int first, int size) {
        for (int i = 0; i < size; i++) {
            int e = order[first + i];
            NonFinite found = firstNonFinite(e);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** The first non-finite value of example {@code e} (x before y), or null. */
    NonFinite firstNonFinite(int e) {
        for (int j = 0; j < xSize; j++) {
            if (!Float.isFinite(x[e * xSize + j])) {
                return new NonFinite(e, "x", j, x[e * xSize + j]);
            }
        }
        for (int j = 0; j < ySize; j++) {
            if (!Float.isFinite(y[e * ySize + j])) {
                return new NonFinite(e, "y", j, y[e * ySize + j]);
            }
        }
        return null;
    }

    /** A value that is NaN or infinite: example {@code example}'s {@code index}-th value of {@code array}. */
    record NonFinite(int example, String array, int index, float value) {}

    /** Number of examples. */
    int count() {
        return x.length / xSize;
    }

    /** Values per example of y. */
    int targetSize() {
        return ySize;
    }

    /** A CRC-32C of every value of x and y, in hexadecimal: what a checkpoint records of the data. */
    String digest() {
        CRC32C crc = new CRC32C();
        ByteBuffer buffer = ByteBuffer.allocate(4 * 4096).order(ByteOrder.LITTLE_ENDIAN);
        for (float[] values : new float[][] {x, y}) {
            for (int i = 0; i < values.length; i++) {
                buffer.putFloat(values[i]);
                if (!buffer.hasRemaining()) {
                    crc.update(buffer.flip());
                    buffer.clear();
                }
            }
        }
        crc.update(buffer.flip());
        return Long.toHexString(crc.getValue()) + " (" + (x.length + y.length) + " values)";
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
