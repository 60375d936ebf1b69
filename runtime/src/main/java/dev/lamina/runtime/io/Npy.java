package dev.lamina.runtime.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NumPy {@code .npy} files. Reading accepts format versions 1.0, 2.0 and 3.0, C order, little-endian
 * {@code <f4}, {@code <f8}, {@code <i4} and {@code <i8} (also {@code |u1}/{@code |i1}), converted
 * to float; anything else (Fortran order, big endian, other types, a truncated file, a shape whose
 * value count overflows, a malformed header) is a {@link DataFormatException} naming the problem.
 * Writing produces version 1.0 {@code <f4}, through a temporary file moved into place.
 *
 * <p>Layout: the magic {@code \x93NUMPY}, major and minor version bytes, the header length
 * (little-endian u16 for 1.0, u32 for 2.0/3.0), an ASCII (UTF-8 for 3.0) Python dict literal {@code
 * {'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }} padded with spaces and a newline so
 * the data starts on a multiple of 64 bytes, then the values.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private Npy() {}

    /** Reads a whole {@code .npy} file as floats. */
    public static NdArray read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        return parse(bytes, file.toString());
    }

    /** Parses the bytes of a {@code .npy} file; {@code source} names it in errors. */
    public static NdArray parse(byte[] bytes, String source) throws DataFormatException {
        if (bytes.length < 10 || !startsWithMagic(bytes)) {
            throw new DataFormatException(source + ": not a .npy file (it does not start with \\x93NUMPY)");
        }
        int major = bytes[6] & 0xff;
        int headerLength;
        int headerStart;
        if (major == 1) {
            headerLength = (bytes[8] & 0xff) | (bytes[9] & 0xff) << 8;
            headerStart = 10;
        } else if (major == 2 || major == 3) {
            if (bytes.length < 12) {
                throw new DataFormatException(source + ": truncated .npy header");
            }
            headerLength =
                    ByteBuffer.wrap(bytes, 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            headerStart = 12;
        } else {
            throw new DataFormatException(source + ": unsupported .npy format version " + major + "."
                    + (bytes[7] & 0xff) + " (supported: 1.0, 2.0, 3.0)");
        }
        if (headerLength < 0 || headerStart + (long) headerLength > bytes.length) {
            throw new DataFormatException(source + ": truncated .npy header (it announces " + headerLength
                    + " header bytes, the file has " + (bytes.length - headerStart) + " after the preamble)");
        }
        String header = new String(
                bytes, headerStart, headerLength, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        String descr = field(DESCR, header, "descr", source);
        if (field(FORTRAN, header, "fortran_order", source).equals("True")) {
            throw new DataFormatException(source + ": Fortran-order arrays are not supported; save it in C order"
                    + " (numpy.ascontiguousarray)");
        }
        int[] shape = shape(field(SHAPE, header, "shape", source), source);
        DType type = DType.of(descr, source);
        int dataStart = headerStart + headerLength;
        long count = 1;
        long needed;
        try {
            for (int d : shape) {
                count = Math.multiplyExact(count, d);
            }
            needed = Math.multiplyExact(count, type.bytes);
        } catch (ArithmeticException e) {
            throw new DataFormatException(source + ": the header's shape " + shapeText(shape)
                    + " has more values than the file can hold (the file has " + (bytes.length - dataStart)
                    + " data bytes); the header is corrupt");
        }
        if (bytes.length - dataStart < needed) {
            throw new DataFormatException(source + ": truncated data: shape " + shapeText(shape) + " of " + descr
                    + " needs " + needed + " bytes, the file has " + (bytes.length - dataStart));
        }
        if (count > Integer.MAX_VALUE) {
            throw new DataFormatException(source + ": " + count + " values are too many for one array");
        }
        float[] data = new float[(int) count];
        ByteBuffer buffer = ByteBuffer.wrap(bytes, dataStart, (int) needed).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < data.length; i++) {
            data[i] = type.read(buffer);
        }
        return new NdArray(shape, data);
    }

    /** Writes {@code array} as a version 1.0 {@code <f4} file, atomically replacing {@code file}. */
    public static void write(Path file, NdArray array) throws IOException {
        StringBuilder header = new StringBuilder("{'descr': '<f4', 'fortran_order': False, 'shape': ")
                .append(shapeText(array.shape()))
                .append(", }");
        int unpadded = MAGIC.length + 4 + header.length() + 1;
        header.append(" ".repeat((64 - unpadded % 64) % 64)).append('\n');
        byte[] headerBytes = header.toString().getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer out = ByteBuffer.allocate(MAGIC.length + 4 + headerBytes.length + 4 * array.data().length)
                .order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC)
                .put((byte) 1)
                .put((byte) 0)
                .putShort((short) headerBytes.length)
                .put(headerBytes);
        for (float v : array.data()) {
            out.putFloat(v);
        }
        AtomicFiles.write(file, out.array());
    }

    private static boolean startsWithMagic(byte[] bytes) {
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    private static String field(Pattern pattern, String header, String name, String source) throws DataFormatException {
        Matcher m = pattern.matcher(header);
        if (!header.trim().startsWith("{") || !m.find()) {
            throw new DataFormatException(
                    source + ": malformed .npy header (no valid '" + name + "'): " + header.trim());
        }
        return m.group(1);
    }

    private static int[] shape(String text, String source) throws DataFormatException {
        List<Integer> dims = new ArrayList<>();
        for (String part : text.split(",")) {
            String d = part.trim();
            if (d.isEmpty()) {
                continue;
            }
            try {
                int value = Integer.parseInt(d.endsWith("L") ? d.substring(0, d.length() - 1) : d);
                if (value < 0) {
                    throw new NumberFormatException();
                }
                dims.add(value);
            } catch (NumberFormatException e) {
                throw new DataFormatException(source + ": malformed .npy shape (" + text + ")");
            }
        }
        return dims.stream().mapToInt(Integer::intValue).toArray();
    }

    private static String shapeText(int[] shape) {
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            s.append(i > 0 ? ", " : "").append(shape[i]);
        }
        return s.append(shape.length == 1 ? ",)" : ")").toString();
    }

    /** The element types read. */
    private enum DType {
        F4(4),
        F8(8),
        I4(4),
        I8(8),
        U1(1),
        I1(1);

        final int bytes;

        DType(int bytes) {
            this.bytes = bytes;
        }

        float read(ByteBuffer b) {
            return switch (this) {
                case F4 -> b.getFloat();
                case F8 -> (float) b.getDouble();
                case I4 -> b.getInt();
                case I8 -> b.getLong();
                case U1 -> b.get() & 0xff;
                case I1 -> b.get();
            };
        }

        static DType of(String descr, String source) throws DataFormatException {
            switch (descr) {
                case "<f4":
                    return F4;
                case "<f8":
                    return F8;
                case "<i4":
                    return I4;
                case "<i8":
                    return I8;
                case "|u1":
                    return U1;
                case "|i1":
                    return I1;
                default:
                    if (descr.startsWith(">")) {
                        throw new DataFormatException(source + ": big-endian data ('" + descr
                                + "') is not supported; convert it with astype('<" + descr.substring(1) + "')");
                    }
                    throw new DataFormatException(
                            source + ": unsupported dtype '" + descr + "' (supported: <f4, <f8, <i4, <i8, |u1, |i1)");
            }
        }
    }
}
