package dev.lamina.runtime.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyTest {
    @TempDir
    Path dir;

    /** A .npy file as NumPy writes it: version, header dict padded to 64 bytes, then the data. */
    private static byte[] npy(int major, String descr, String fortran, String shape, byte[] data) {
        String dict = "{'descr': '" + descr + "', 'fortran_order': " + fortran + ", 'shape': " + shape + ", }";
        int preamble = major == 1 ? 10 : 12;
        int pad = (64 - (preamble + dict.length() + 1) % 64) % 64;
        byte[] header = (dict + " ".repeat(pad) + "\n").getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer b =
                ByteBuffer.allocate(preamble + header.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
        if (major == 1) {
            b.putShort((short) header.length);
        } else {
            b.putInt(header.length);
        }
        return b.put(header).put(data).array();
    }

    private static byte[] littleEndian(int bytesPerValue, double... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * bytesPerValue).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            switch (bytesPerValue) {
                case 4 -> b.putFloat((float) v);
                default -> b.putDouble(v);
            }
        }
        return b.array();
    }

    @Test
    void readsFloat32Version1() throws Exception {
        NdArray a = Npy.parse(npy(1, "<f4", "False", "(2, 3)", littleEndian(4, 1, 2, 3, 4, 5, 6.5)), "a.npy");
        assertThat(a.shape()).containsExactly(2, 3);
        assertThat(a.data()).containsExactly(1, 2, 3, 4, 5, 6.5f);
        assertThat(a.rows()).isEqualTo(2);
        assertThat(a.rowSize()).isEqualTo(3);
    }

    @Test
    void readsFloat64AndIntegersInVersions2And3() throws Exception {
        assertThat(Npy.parse(npy(2, "<f8", "False", "(3,)", littleEndian(8, 0.5, -1, 7)), "b")
                        .data())
                .containsExactly(0.5f, -1f, 7f);
        ByteBuffer ints =
                ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(3).putInt(-9);
        assertThat(Npy.parse(npy(3, "<i4", "False", "(2,)", ints.array()), "c").data())
                .containsExactly(3f, -9f);
        ByteBuffer longs = ByteBuffer.allocate(16)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putLong(12)
                .putLong(4);
        NdArray l = Npy.parse(npy(1, "<i8", "False", "(2, 1)", longs.array()), "d");
        assertThat(l.shape()).containsExactly(2, 1);
        assertThat(l.data()).containsExactly(12f, 4f);
    }

    @Test
    void writesWhatItReads() throws Exception {
        Path file = dir.resolve("y.npy");
        NdArray a = new NdArray(new int[] {2, 2, 1}, new float[] {1.5f, -2, 3, 4});
        Npy.write(file, a);
        byte[] bytes = Files.readAllBytes(file);
        assertThat((bytes.length - 16) % 64).isZero();
        assertThat(Npy.read(file)).isEqualTo(a);
        assertThat(Files.list(dir).toList()).containsExactly(file);
    }

    @Test
    void rejectsTruncatedData() {
        byte[] whole = npy(1, "<f4", "False", "(2, 3)", littleEndian(4, 1, 2, 3, 4, 5, 6));
        byte[] truncated = Arrays.copyOf(whole, whole.length - 5);
        assertThatThrownBy(() -> Npy.parse(truncated, "x.npy"))
                .isInstanceOf(DataFormatException.class)
                .hasMessage("x.npy: truncated data: shape (2, 3) of <f4 needs 24 bytes, the file has 19");
    }

    @Test
    void rejectsTruncatedHeaderFortranOrderBigEndianAndOtherTypes() {
        byte[] whole = npy(1, "<f4", "False", "(1,)", littleEndian(4, 1));
        assertThatThrownBy(() -> Npy.parse(Arrays.copyOf(whole, 30), "h.npy"))
                .hasMessageStartingWith("h.npy: truncated .npy header");
        assertThatThrownBy(() -> Npy.parse(npy(1, "<f4", "True", "(1,)", littleEndian(4, 1)), "f.npy"))
                .hasMessageContaining("Fortran-order arrays are not supported");
        assertThatThrownBy(() -> Npy.parse(npy(1, ">f4", "False", "(1,)", new byte[4]), "b.npy"))
                .hasMessageContaining("big-endian data ('>f4') is not supported");
        assertThatThrownBy(() -> Npy.parse(npy(1, "<c8", "False", "(1,)", new byte[8]), "c.npy"))
                .hasMessageContaining("unsupported dtype '<c8'");
    }

    @Test
    void rejectsFilesThatAreNotNpyOrHaveAGarbageHeader() {
        assertThatThrownBy(() -> Npy.parse("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8), "t.csv"))
                .hasMessage("t.csv: not a .npy file (it does not start with \\x93NUMPY)");
        byte[] garbage = npy(1, "<f4", "False", "(1,)", littleEndian(4, 1));
        byte[] text = "garbage garbage garbage garbage garbage".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(text, 0, garbage, 10, text.length);
        assertThatThrownBy(() -> Npy.parse(garbage, "g.npy"))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith("g.npy: malformed .npy header");
        assertThatThrownBy(() -> Npy.parse(npy(1, "<f4", "False", "(2, x)", new byte[8]), "s.npy"))
                .hasMessage("s.npy: malformed .npy shape (2, x)");
        byte[] version = npy(1, "<f4", "False", "(1,)", littleEndian(4, 1));
        version[6] = 9;
        assertThatThrownBy(() -> Npy.parse(version, "v.npy"))
                .hasMessageContaining("unsupported .npy format version 9.0");
    }
}
