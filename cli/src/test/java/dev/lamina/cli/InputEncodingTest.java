package dev.lamina.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Specs and CSV files that are not UTF-8, or start with a byte-order mark, on the command line. */
class InputEncodingTest {
    @TempDir
    Path dir;

    private Path latin1(String name, String before, String after) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(before.getBytes(StandardCharsets.US_ASCII));
        bytes.write(0xE9);
        bytes.writeBytes(after.getBytes(StandardCharsets.US_ASCII));
        return Files.write(dir.resolve(name), bytes.toByteArray());
    }

    @Test
    void aSpecThatIsNotUtf8IsNamedWithItsPosition() throws Exception {
        Path spec = latin1("toy.lamina", "// caf", "\nmodel Toy { input [4, 1] conv1d(1, 2) }\n");
        CliRun run = CliRun.of("check", spec.toString());

        assertThat(run.exitCode()).isEqualTo(LaminaCli.EXIT_FAILURE);
        assertThat(run.err())
                .startsWith(spec + ":1:7: error: cannot read " + spec + ": not valid UTF-8: byte 0xE9 at byte offset"
                        + " 6 (line 1, column 7) [LAM003]\n")
                .doesNotContain("Input length");
    }

    @Test
    void aCsvThatIsNotUtf8IsNamedWithItsPosition() throws Exception {
        Path x = latin1("x.csv", "0,3,4,5\n0,3,4,", "\n");
        CliRun run = CliRun.of("predict", TrainCommandTest.TOY, "--x", x.toString(), "--weights", "w");

        assertThat(run.exitCode()).isEqualTo(LaminaCli.EXIT_FAILURE);
        assertThat(run.err())
                .isEqualTo("lamina: --x " + x + ": not valid UTF-8: byte 0xE9 at byte offset 14 (line 2, column 7);"
                        + " save it as UTF-8\n");
    }

    @Test
    void byteOrderMarksAreAccepted() throws Exception {
        Path spec = Files.writeString(
                dir.resolve("toy.lamina"), "\uFEFFmodel Toy {\r\n  input [4, 1]\r\n  conv1d(1, 2)\r\n}\r\n");
        Path x = Files.writeString(dir.resolve("x.csv"), "\uFEFF0,3,4,5\r\n");
        CliRun check = CliRun.of("check", spec.toString());
        assertThat(check.err()).isEmpty();
        assertThat(check.exitCode()).isZero();

        CliRun train = CliRun.of("train", spec.toString(), "--x", x.toString(), "--y", x.toString(), "--epochs", "1");
        assertThat(train.exitCode()).isEqualTo(LaminaCli.EXIT_FAILURE);
        // The byte-order mark is gone: the rows are read, and only their width is wrong for --y.
        assertThat(train.err()).startsWith("lamina: --y " + x + " has 4 columns per row; expected 3");
    }
}
