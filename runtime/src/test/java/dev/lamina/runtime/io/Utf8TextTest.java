package dev.lamina.runtime.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Utf8TextTest {
    private static byte[] bytes(String ascii, int... tail) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ascii.getBytes(StandardCharsets.UTF_8));
        for (int b : tail) {
            out.write(b);
        }
        return out.toByteArray();
    }

    @Test
    void decodesUtf8AndDropsALeadingByteOrderMark(@TempDir Path dir) throws Exception {
        assertThat(Utf8Text.decode("caf\u00e9 \u2192 \uD83D\uDE00".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("caf\u00e9 \u2192 \uD83D\uDE00");
        byte[] withMark = bytes("", 0xEF, 0xBB, 0xBF, 'a', '\n');
        assertThat(Utf8Text.decode(withMark)).isEqualTo("a\n");
        Path file = Files.write(dir.resolve("t.txt"), withMark);
        assertThat(Utf8Text.read(file)).isEqualTo("a\n");
        assertThat(Utf8Text.withoutByteOrderMark("x\uFEFF")).isEqualTo("x\uFEFF");
    }

    @Test
    void aLatin1ByteIsNamedWithItsOffsetLineAndColumn() {
        // "caf\xE9" on line 2 of a Windows-1252 file.
        assertThatThrownBy(() -> Utf8Text.decode(bytes("x = 1\ncaf", 0xE9, '\n')))
                .isInstanceOf(InvalidUtf8Exception.class)
                .hasMessage("not valid UTF-8: byte 0xE9 at byte offset 9 (line 2, column 4)")
                .satisfies(e -> {
                    InvalidUtf8Exception invalid = (InvalidUtf8Exception) e;
                    assertThat(invalid.offset()).isEqualTo(9);
                    assertThat(invalid.line()).isEqualTo(2);
                    assertThat(invalid.column()).isEqualTo(4);
                });
    }

    @Test
    void everyLineEndingCountsOnceAndTheByteOrderMarkTakesNoColumn() {
        for (String eol : new String[] {"\n", "\r\n", "\r"}) {
            byte[] text = bytes("\uFEFFa" + eol + eol + "\u00e9b", 0xFF);
            int offset = 3 + 1 + 2 * eol.length() + 3;
            assertThatThrownBy(() -> Utf8Text.decode(text))
                    .as("line ending %s", eol.replace("\r", "\\r").replace("\n", "\\n"))
                    .hasMessage("not valid UTF-8: byte 0xFF at byte offset " + offset + " (line 3, column 3)");
        }
    }

    @Test
    void aSequenceCutShortAtTheEndIsNamedWithAllItsBytes() {
        // The first two bytes of the three-byte U+2192.
        assertThatThrownBy(() -> Utf8Text.decode(bytes("ab", 0xE2, 0x86)))
                .hasMessage("not valid UTF-8: bytes 0xE2 0x86 at byte offset 2 (line 1, column 3)");
    }

    @Test
    void anErrorFarIntoALongStreamIsLocatedExactly() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 30_000; i++) {
            text.append("\u00e9\u00e9\u00e9\n"); // 7 bytes per line, so chunk borders fall inside characters
        }
        byte[] input = bytes(text.append("xy").toString(), 0xC0, 0x80);
        assertThatThrownBy(() -> Utf8Text.check(new ByteArrayInputStream(input)))
                .hasMessage("not valid UTF-8: byte 0xC0 at byte offset 210002 (line 30001, column 3)");
        assertThat(input.length).isEqualTo(210_004);
    }
}
