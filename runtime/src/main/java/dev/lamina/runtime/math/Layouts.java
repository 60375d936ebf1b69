package dev.lamina.runtime.math;

/**
 * Changes the layout of a batch of rank-2 examples, the one implementation the interpreter and
 * generated code share for channels_first layers ({@code (channels, steps)} to {@code (steps,
 * channels)} and back).
 */
public final class Layouts {
    private Layouts() {}

    /**
     * Writes each of {@code batch} examples of {@code src}, a row-major {@code (rows, columns)}
     * matrix, into {@code dst} as its {@code (columns, rows)} transpose.
     */
    public static void transpose(float[] src, float[] dst, int batch, int rows, int columns) {
        int size = rows * columns;
        for (int b = 0; b < batch; b++) {
            int o = b * size;
            for (int r = 0; r < rows; r++) {
                int from = o + r * columns;
                for (int c = 0; c < columns; c++) {
                    dst[o + c * rows + r] = src[from + c];
                }
            }
        }
    }
}
