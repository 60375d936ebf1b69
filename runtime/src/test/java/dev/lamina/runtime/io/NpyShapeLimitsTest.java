package dev.lamina.runtime.io;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Headers announcing more values than can be counted, or than the file holds, are rejected by name. */
class NpyShapeLimitsTest {
    @TempDir
    Path dir;

    /** A version 1.0 file with this header dict and {@code dataBytes} zero bytes of data. */
    private Path file(String descr, String shape, int dataBytes) throws Exception {
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
        int pad = (64 - (10 + dict.length() + 1) % 64) % 64;
        byte[] header = (dict + " ".repeat(pad) + "\n").getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer b = ByteBuffer.allocate(10 + header.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) header.length);
        return Files.write(dir.resolve("big.npy"), b.put(header).array());
    }

    @Test
    void anElementCountBeyondALongIsRejectedNamingTheFile() throws Exception {
        String shape = "(2147483647, 2147483647, 2147483647, 2147483647, 4)";
        Path file = file("<f4", shape, 64);
        assertThatThrownBy(() -> Npy.read(file))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(file + ": the header's shape " + shape + " has more values than the file can hold"
                        + " (the file has 64 data bytes); the header is corrupt");
    }

    @Test
    void aByteCountBeyondALongIsRejectedNamingTheFile() throws Exception {
        // 2147483647^2 values fit in a long; times 8 bytes they do not.
        Path file = file("<f8", "(2147483647, 2147483647)", 16);
        assertThatThrownBy(() -> Npy.read(file))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(file + ": the header's shape (2147483647, 2147483647) has more values than the file can"
                        + " hold (the file has 16 data bytes); the header is corrupt");
    }

    @Test
    void aShapeLargerThanTheDataIsRejectedNamingTheFile() throws Exception {
        Path file = file("<f4", "(100000, 100000)", 40);
        assertThatThrownBy(() -> Npy.read(file))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(file + ": truncated data: shape (100000, 100000) of <f4 needs 40000000000 bytes, the"
                        + " file has 40");
    }

    @Test
    void moreValuesThanAnArrayHoldsAreRejectedEvenWhenTheByteCountLooksSmall() throws Exception {
        // 2^32 * 2^32 values of one byte: the count wraps to 0 in a long multiplied without care.
        Path file = file("|u1", "(65536, 65536, 65536, 65536)", 0);
        assertThatThrownBy(() -> Npy.read(file))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(file + ": the header's shape (65536, 65536, 65536, 65536) has more values than the file"
                        + " can hold (the file has 0 data bytes); the header is corrupt");
    }
}
