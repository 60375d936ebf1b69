package dev.lamina.runtime.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Comma-separated numbers, one example per line, every line with the same number of columns; an
 * optional header row is skipped and blank lines are ignored. The result has shape (rows, columns).
 * A wrong column count or a value that is not a number is a {@link DataFormatException} naming the
 * line (from 1) and column (from 1).
 */
public final class Csv {
    private Csv() {}

    public static NdArray read(Path file, boolean header) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader, header, file.toString());
        }
    }

    /** Reads CSV text from {@code reader}; {@code source} names it in errors. */
    public static NdArray parse(BufferedReader reader, boolean header, String source) throws IOException {
        FloatList values = new FloatList();
        int columns = -1;
        int rows = 0;
        int lineNumber = 0;
        String line;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if ((header && lineNumber == 1) || line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (columns < 0) {
                columns = cells.length;
            } else if (cells.length != columns) {
                throw new DataFormatException(source + ":" + lineNumber + ": " + cells.length + " columns, expected "
                        + columns + " like the first data row");
            }
            for (int c = 0; c < cells.length; c++) {
                String cell = cells[c].trim();
                try {
                    values.add(Float.parseFloat(cell));
                } catch (NumberFormatException e) {
                    throw new DataFormatException(
                            source + ":" + lineNumber + ": column " + (c + 1) + ": '" + cell + "' is not a number");
                }
            }
            rows++;
        }
        if (rows == 0) {
            throw new DataFormatException(source + ": no data rows");
        }
        return new NdArray(new int[] {rows, columns}, values.toArray());
    }

    /** A growable float array, so numbers are not boxed. */
    private static final class FloatList {
        private float[] values = new float[1024];
        private int size;

        void add(float v) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        float[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }
}
