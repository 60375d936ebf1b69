package dev.lamina.runtime.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Comma-separated numbers, one example per line, every line with the same number of columns; an
 * optional header row is skipped and blank lines are ignored. The result has shape (rows, columns).
 * Files are UTF-8 (a leading byte-order mark is skipped); lines end with {@code \n}, {@code \r\n}
 * or {@code \r}. Numbers are decimal: an optional sign, digits with an optional fraction, an
 * optional exponent ({@code -2}, {@code .5}, {@code 7.25e1}); Java's {@code 3f}, {@code 4d} and hex
 * {@code 0x1p1} are not numbers here ({@code NaN} and {@code Infinity} are read as Java spells them). A wrong column count or a value that is not a number is a
 * {@link DataFormatException} naming the line (from 1) and column (from 1); text that is not UTF-8
 * is one naming the byte offset.
 */
public final class Csv {
    private Csv() {}

    public static NdArray read(Path file, boolean header) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader, header, file.toString());
        } catch (CharacterCodingException e) {
            // The JDK's reader says only "Input length = 1": scan the bytes again to say where.
            try (InputStream in = Files.newInputStream(file)) {
                Utf8Text.check(in);
            } catch (InvalidUtf8Exception invalid) {
                throw new DataFormatException(file + ": " + invalid.getMessage() + "; save it as UTF-8");
            }
            throw e;
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
            if (lineNumber == 1) {
                line = Utf8Text.withoutByteOrderMark(line);
            }
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
                if (!isDecimal(cell) && !isNamedValue(cell)) {
                    throw new DataFormatException(
                            source + ":" + lineNumber + ": column " + (c + 1) + ": '" + cell + "' is not a number");
                }
                values.add(Float.parseFloat(cell));
            }
            rows++;
        }
        if (rows == 0) {
            throw new DataFormatException(source + ": no data rows");
        }
        return new NdArray(new int[] {rows, columns}, values.toArray());
    }

    /** {@code [+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?}. */
    private static boolean isDecimal(String cell) {
        int i = 0;
        int n = cell.length();
        if (i < n && (cell.charAt(i) == '+' || cell.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < n && isDigit(cell.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && cell.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(cell.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (cell.charAt(i) == 'e' || cell.charAt(i) == 'E')) {
            i++;
            if (i < n && (cell.charAt(i) == '+' || cell.charAt(i) == '-')) {
                i++;
            }
            int exponent = 0;
            while (i < n && isDigit(cell.charAt(i))) {
                i++;
                exponent++;
            }
            if (exponent == 0) {
                return false;
            }
        }
        return i == n;
    }

    /** {@code NaN} and {@code Infinity} with an optional sign, as {@link Float#parseFloat} spells them. */
    private static boolean isNamedValue(String cell) {
        String unsigned = cell.startsWith("+") || cell.startsWith("-") ? cell.substring(1) : cell;
        return unsigned.equals("NaN") || unsigned.equals("Infinity");
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
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
