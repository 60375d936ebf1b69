package dev.lamina.runtime.train;

import dev.lamina.runtime.Model;
import dev.lamina.runtime.spec.InputSpec;
import dev.lamina.runtime.spec.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

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
    private final int count;
    /** How messages name each input's array: "x", or the input's name for a model with several. */
    private final String[] names;

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
        this.names = new String[x.length];
        for (int i = 0; i < x.length; i++) {
            names[i] = x.length == 1 ? "x" : inputs.get(i).name();
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
        this.count = examples;
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
        for (int i = 0; i < x.length; i++) {
            int size = xSizes[i];
            for (int j = 0; j < size; j++) {
                if (!Float.isFinite(x[i][e * size + j])) {
                    return new NonFinite(e, names[i], j, x[i][e * size + j]);
                }
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
        return count;
    }

    /** Values per example of y. */
    int targetSize() {
        return ySize;
    }

    /** A CRC-32C of every value of x and y, in hexadecimal: what a checkpoint records of the data. */
    String digest() {
        CRC32C crc = new CRC32C();
        ByteBuffer buffer = ByteBuffer.allocate(4 * 4096).order(ByteOrder.LITTLE_ENDIAN);
        float[][] arrays = Arrays.copyOf(x, x.length + 1);
        arrays[x.length] = y;
        long total = 0;
        for (float[] values : arrays) {
            total += values.length;
            for (float value : values) {
                buffer.putFloat(value);
                if (!buffer.hasRemaining()) {
                    crc.update(buffer.flip());
                    buffer.clear();
                }
            }
        }
        crc.update(buffer.flip());
        return Long.toHexString(crc.getValue()) + " (" + total + " values)";
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
