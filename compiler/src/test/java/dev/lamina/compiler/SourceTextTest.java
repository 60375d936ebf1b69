package dev.lamina.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How spec text is read: UTF-8 only (anything else is a located diagnostic), a byte-order mark
 * ignored, and positions right for {@code \n}, {@code \r\n} and {@code \r} line endings.
 */
class SourceTextTest {
    @TempDir
    Path dir;

    /** A rank error on line 4, after a comment on line 1. */
    private static final String SPEC = "// a rank error\nmodel M {\n  input [68]\n  conv1d(32, 3)\n  dense(4)\n}\n";

    private static final String RENDERED = "t.lamina:4:3: error: conv1d takes (steps, channels) per example, got"
            + " (68,) of rank 1 (Keras: expected min_ndim=3, found ndim=2) [LAM020]\n"
            + "  conv1d(32, 3)\n"
            + "  ^~~~~~~~~~~~~\n"
            + "  hint: for one channel per step write `input [68, 1]`, or put `reshape([68, 1])` before conv1d\n";

    @Test
    void everyLineEndingGivesTheSamePositionsAndSourceLines() {
        for (String eol : new String[] {"\n", "\r\n", "\r"}) {
            Compilation c = LaminaCompiler.compile("t.lamina", SPEC.replace("\n", eol));
            assertThat(c.render())
                    .as("line ending %s", eol.replace("\r", "\\r").replace("\n", "\\n"))
                    .isEqualTo(RENDERED);
            Compilation syntax = LaminaCompiler.compile(
                    "t.lamina", SPEC.replace("\n", eol).replace("[68]", "[68").replace("dense(4)", "dense(4) $"));
            assertThat(syntax.render())
                    .startsWith("t.lamina:4:3: error: syntax error: unexpected 'conv1d' expecting {']', ','} [LAM001]\n"
                            + "  conv1d(32, 3)\n  ^~~~~~\n")
                    .contains("t.lamina:5:12: error: unexpected character '$' [LAM002]\n  dense(4) $\n"
                            + "           ^\n");
        }
    }

    @Test
    void aByteOrderMarkIsIgnoredInTextAndInFiles() throws Exception {
        String valid = "model M {\n  input [4, 1]\n  conv1d(1, 2)\n}\n";
        Compilation text = LaminaCompiler.compile("t.lamina", "\uFEFF" + valid);
        assertThat(text.render()).isEmpty();
        assertThat(text.models()).hasSize(1);
        assertThat(text.sourceText()).isEqualTo(valid);

        Path file = dir.resolve("t.lamina");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(0xEF);
        bytes.write(0xBB);
        bytes.write(0xBF);
        bytes.writeBytes("model M { input [68] conv1d(2, 3) }\n".getBytes(StandardCharsets.UTF_8));
        Files.write(file, bytes.toByteArray());
        assertThat(LaminaCompiler.compile(file).render())
                .startsWith(file + ":1:22: error: conv1d takes (steps, channels) per example");
    }

    @Test
    void textThatIsNotUtf8IsADiagnosticAtTheFirstBadByte() throws Exception {
        Path file = dir.resolve("latin1.lamina");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("model M {\r\n  // caf".getBytes(StandardCharsets.US_ASCII));
        bytes.write(0xE9); // Latin-1 e-acute
        bytes.writeBytes(" filter\r\n  input [4, 1]\r\n}\r\n".getBytes(StandardCharsets.US_ASCII));
        Files.write(file, bytes.toByteArray());

        Compilation c = LaminaCompiler.compile(file);
        assertThat(c.hasErrors()).isTrue();
        assertThat(c.models()).isEmpty();
        assertThat(c.render())
                .isEqualTo(file + ":2:9: error: cannot read " + file + ": not valid UTF-8: byte 0xE9 at byte"
                        + " offset 19 (line 2, column 9) [LAM003]\n"
                        + "  // caf\uFFFD filter\n"
                        + "        ^\n"
                        + "  hint: save the file as UTF-8\n");
    }
}
