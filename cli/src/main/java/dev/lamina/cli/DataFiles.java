package dev.lamina.cli;

import dev.lamina.runtime.io.Csv;
import dev.lamina.runtime.io.DataFormatException;
import dev.lamina.runtime.io.NdArray;
import dev.lamina.runtime.io.Npy;
import dev.lamina.runtime.spec.LossKind;
import dev.lamina.runtime.spec.Shape;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * The {@code --x} and {@code --y} files of {@code train} and {@code predict}: {@code .npy} arrays of
 * shape (N, *example shape), or {@code .csv} files with one flattened example per row. Every problem
 * is an {@link IllegalArgumentException} whose message names the option, the file, and the expected
 * and actual shapes.
 */
final class DataFiles {
    private DataFiles() {}

    /** Examples read from a file: the flat values and the shape of one example. */
    record Examples(Path file, float[] values, int count, Shape exampleShape) {}

    /** Reads a {@code .npy} or {@code .csv} file, chosen by its extension. */
    static NdArray read(String option, Path file) {
        String name =
                file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".npy")) {
                return Npy.read(file);
            }
            if (name.endsWith(".csv")) {
                return Csv.read(file, false);
            }
        } catch (DataFormatException e) {
            throw new IllegalArgumentException(option + " " + e.getMessage());
        } catch (IOException e) {
            throw FileErrors.of(option, file, e);
        }
        throw new IllegalArgumentException(
                option + " " + file + ": unknown data format; use a .npy file or a .csv file (one example per row)");
    }

    /**
     * The model inputs in {@code file}, checked against the per-example {@code input} shape of
     * {@code what} (e.g. "the input", "input 'side'").
     */
    static Examples inputs(String option, Path file, Shape input, String what, String model) {
        NdArray array = read(option, file);
        Shape example = exampleShape(option, file, array, input, what + " " + input + " of model " + model);
        return new Examples(file, array.data(), array.rows(), example);
    }

    /**
     * The training targets in {@code file} for outputs of the per-example shape {@code output}: one
     * value per output, or for sparse categorical crossentropy one class index per row of the last
     * axis.
     */
    static Examples targets(String option, Path file, Shape output, LossKind loss, String model) {
        NdArray array = read(option, file);
        if (loss != LossKind.SPARSE_CATEGORICAL_CROSSENTROPY) {
            Shape example = exampleShape(option, file, array, output, "the output " + output + " of model " + model);
            return new Examples(file, array.data(), array.rows(), example);
        }
        int classes = output.last();
        Shape indices = Shape.of(Arrays.copyOf(output.dims(), output.rank() - 1));
        String what = "class indices for " + loss.kerasName() + " on the output " + output + " of model " + model;
        int[] dims = array.shape();
        boolean trailingOne = !isCsv(file) && dims.length == indices.rank() + 2 && dims[dims.length - 1] == 1;
        NdArray squeezed = trailingOne ? new NdArray(Arrays.copyOf(dims, dims.length - 1), array.data()) : array;
        Shape example = exampleShape(option, file, squeezed, indices, what);
        float[] values = array.data();
        for (int i = 0; i < values.length; i++) {
            float v = values[i];
            if (!(v >= 0 && v < classes && v == Math.rint(v))) {
                throw new IllegalArgumentException(option + " " + file + ": value " + v + " at index " + i
                        + " is not a class index in [0, " + classes + ") (" + what + ")");
            }
        }
        return new Examples(file, values, array.rows(), example);
    }

    /** Checks that {@code x} and {@code y} hold the same number of examples. */
    static void checkSameCount(Examples x, Examples y) {
        if (x.count() != y.count()) {
            throw new IllegalArgumentException("--x " + x.file() + " holds " + Plural.of(x.count(), "example")
                    + " but --y " + y.file() + " holds " + y.count() + "; they must match");
        }
    }

    /** Shape text with the examples axis first: {@code (N, 4, 1)}, {@code (N,)}. */
    static String withExamples(Shape example) {
        StringBuilder s = new StringBuilder("(N");
        for (int d : example.dims()) {
            s.append(", ").append(d == Shape.UNKNOWN ? "steps" : Integer.toString(d));
        }
        return s.append(example.rank() == 0 ? ",)" : ")").toString();
    }

    /** The concrete per-example shape of {@code array} for a model expecting {@code expected}. */
    private static Shape exampleShape(String option, Path file, NdArray array, Shape expected, String what) {
        int[] dims = array.shape();
        if (dims.length == 0 || dims[0] == 0) {
            throw new IllegalArgumentException(option + " " + file + " holds no examples (shape " + text(dims) + ")");
        }
        if (isCsv(file)) {
            return csvExampleShape(option, file, array, expected, what);
        }
        boolean matches = dims.length == expected.rank() + 1;
        for (int axis = 0; matches && axis < expected.rank(); axis++) {
            int want = expected.dim(axis);
            matches = want == Shape.UNKNOWN ? dims[axis + 1] > 0 : dims[axis + 1] == want;
        }
        if (!matches) {
            throw new IllegalArgumentException(option + " " + file + " has shape " + text(dims) + "; expected "
                    + withExamples(expected) + ": N examples of " + what);
        }
        return Shape.of(Arrays.copyOfRange(dims, 1, dims.length));
    }

    private static Shape csvExampleShape(String option, Path file, NdArray array, Shape expected, String what) {
        int columns = array.rowSize();
        if (expected.isFullyKnown()) {
            if (columns != expected.size()) {
                throw new IllegalArgumentException(option + " " + file + " has " + Plural.of(columns, "column")
                        + " per row; expected " + expected.size() + " (one flattened example of " + what + " per row)");
            }
            return expected;
        }
        long known = 1;
        int unknownAxis = 0;
        for (int axis = 0; axis < expected.rank(); axis++) {
            if (expected.dim(axis) == Shape.UNKNOWN) {
                unknownAxis = axis;
            } else {
                known *= expected.dim(axis);
            }
        }
        if (columns % known != 0) {
            throw new IllegalArgumentException(option + " " + file + " has " + Plural.of(columns, "column")
                    + " per row; expected a multiple of " + known + " (one flattened example of " + what
                    + " per row)");
        }
        return expected.withDim(unknownAxis, (int) (columns / known));
    }

    private static boolean isCsv(Path file) {
        return file.toString().toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    private static String text(int[] dims) {
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < dims.length; i++) {
            s.append(i > 0 ? ", " : "").append(dims[i]);
        }
        return s.append(dims.length == 1 ? ",)" : ")").toString();
    }
}
