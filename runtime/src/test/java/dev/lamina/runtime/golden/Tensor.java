package dev.lamina.runtime.golden;

import java.util.Arrays;

/** A tensor of a golden file: its shape (with batch) and its values in row-major order. */
public record Tensor(int[] shape, double[] data) {
    /** The values as floats, the precision every engine runs in. */
    public float[] floats() {
        float[] f = new float[data.length];
        for (int i = 0; i < data.length; i++) {
            f[i] = (float) data[i];
        }
        return f;
    }

    @Override
    public String toString() {
        return "Tensor" + Arrays.toString(shape);
    }
}
