package dev.lamina.runtime.io;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Saves and loads every parameter of a {@link Model} in the Lamina weights format (see {@code
 * docs/weights-format.md}). All integers and floats are little endian:
 *
 * <pre>
 * magic    4 bytes  "LMNW"
 * version  u32      1
 * count    u32      number of tensors
 * count times:
 *   nameLength u32, name: nameLength bytes of UTF-8, "layer/param" (e.g. "conv1d_1/kernel")
 *   rank u32, then rank dims u32 (Keras layout, e.g. (kernel_size, in_channels, filters))
 *   data: product(dims) float32 values in row-major order
 * </pre>
 *
 * Nothing may follow the last tensor. Saving writes a temporary file in the target's folder and
 * moves it into place atomically. Loading reads and checks the whole file first: a corrupt or
 * truncated file, or one whose tensor names or shapes differ from the model's, is rejected with a
 * {@link WeightsFormatException} and the model is left unchanged.
 */
public final class Weights {
    /** The first four bytes of a weights file. */
    public static final byte[] MAGIC = {'L', 'M', 'N', 'W'};

    public static final int VERSION = 1;

    private Weights() {}

    /** Writes named tensors to {@code file}, replacing it atomically. */
    public static void write(Path file, Map<String, NdArray> tensors) throws IOException {
        AtomicFiles.write(file, encode(tensors));
    }

    /** Named tensors in the weights format, as {@link #write} stores them. */
    public static byte[] encode(Map<String, NdArray> tensors) {
        int size = MAGIC.length + 8;
        List<byte[]> names = new ArrayList<>();
        for (Map.Entry<String, NdArray> t : tensors.entrySet()) {
            byte[] name = t.getKey().getBytes(StandardCharsets.UTF_8);
            names.add(name);
            size += 4
                    + name.length
                    + 4
                    + 4 * t.getValue().shape().length
                    + 4 * t.getValue().data().length;
        }
        ByteBuffer out = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).putInt(VERSION).putInt(tensors.size());
        int i = 0;
        for (NdArray t : tensors.values()) {
            byte[] name = names.get(i++);
            out.putInt(name.length).put(name).putInt(t.shape().length);
            for (int d : t.shape()) {
                out.putInt(d);
            }
            for (float v : t.data()) {
                out.putFloat(v);
            }
        }
        return out.array();
    }

    /** Reads every tensor of a weights file, in file order, checking its structure. */
    public static Map<String, NdArray> read(Path file) throws IOException {
        return decode(Files.readAllBytes(file), file.toString());
    }

    /**
     * Decodes the tensors of a weights file's bytes, checking their structure; {@code source} names
     * the bytes in error messages.
     */
    public static Map<String, NdArray> decode(byte[] bytes, String source) throws WeightsFormatException {
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        try {
            byte[] magic = new byte[MAGIC.length];
            in.get(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new WeightsFormatException(
                        source + " is not a Lamina weights file (it does not start with LMNW)");
            }
            int version = in.getInt();
            if (version != VERSION) {
                throw new WeightsFormatException(
                        source + " has weights format version " + version + "; this runtime reads version " + VERSION);
            }
            int count = in.getInt();
            check(count >= 0, source, "negative tensor count " + count);
            Map<String, NdArray> tensors = new LinkedHashMap<>();
            for (int t = 0; t < count; t++) {
                int nameLength = in.getInt();
                check(nameLength > 0 && nameLength <= in.remaining(), source, "tensor " + t + " has a bad name length");
                byte[] name = new byte[nameLength];
                in.get(name);
                String key = decode(name, source, t);
                int rank = in.getInt();
                check(rank >= 0 && rank <= 8, source, "tensor " + key + " has a bad rank " + rank);
                int[] shape = new int[rank];
                long values = 1;
                for (int d = 0; d < rank; d++) {
                    shape[d] = in.getInt();
                    check(shape[d] >= 0, source, "tensor " + key + " has a negative dimension");
                    values *= shape[d];
                    check(values * 4 <= in.remaining(), source, "truncated data of tensor " + key);
                }
                check(values * 4 <= in.remaining(), source, "truncated data of tensor " + key);
                float[] data = new float[(int) values];
                for (int i = 0; i < data.length; i++) {
                    data[i] = in.getFloat();
                }
                check(tensors.put(key, new NdArray(shape, data)) == null, source, "tensor " + key + " appears twice");
            }
            check(!in.hasRemaining(), source, in.remaining() + " unexpected bytes after the last tensor");
            return tensors;
        } catch (BufferUnderflowException e) {
            throw new WeightsFormatException(source + " is truncated (" + bytes.length + " bytes)");
        }
    }

    private static String decode(byte[] name, String source, int index) throws WeightsFormatException {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(name))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new WeightsFormatException(source + " is corrupt: the name of tensor " + index + " is not UTF-8");
        }
    }

    private static void check(boolean ok, String source, String problem) throws WeightsFormatException {
        if (!ok) {
            throw new WeightsFormatException(source + " is corrupt: " + problem);
        }
    }

    /** {@code (2, 3)}, {@code (4,)}. */
    public static String shapeText(int[] shape) {
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            s.append(i > 0 ? ", " : "").append(shape[i]);
        }
        return s.append(shape.length == 1 ? ",)" : ")").toString();
    }
}
