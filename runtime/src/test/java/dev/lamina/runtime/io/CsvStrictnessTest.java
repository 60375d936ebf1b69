package dev.lamina.runtime.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a CSV file must be: UTF-8 (a byte-order mark is fine), plain decimal numbers, any line ending. */
class CsvStrictnessTest {
    @TempDir
    Path dir;

    private Path file(String text) throws Exception {
        return Files.writeString(dir.resolve("d.csv"), text);
    }

    @Test
    void aByteOrderMarkIsAccepted() throws Exception {
        NdArray data = Csv.read(file("\uFEFF1,2\n3,4\n"), false);
        assertThat(data.shape()).containsExactly(2, 2);
        assertThat(data.data()).containsExactly(1, 2, 3, 4);
        NdArray withHeader = Csv.read(file("\uFEFFa,b\n5,6\n"), true);
        assertThat(withHeader.data()).containsExactly(5, 6);
    }

    @Test
    void textThatIsNotUtf8IsNamedWithItsByteOffset() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("x,y\n1,2\n3,".getBytes(StandardCharsets.US_ASCII));
        bytes.write(0xB5); // the Latin-1 micro sign
        bytes.writeBytes("4\n".getBytes(StandardCharsets.US_ASCII));
        Path file = Files.write(dir.resolve("latin1.csv"), bytes.toByteArray());

        assertThatThrownBy(() -> Csv.read(file, true))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(file + ": not valid UTF-8: byte 0xB5 at byte offset 10 (line 3, column 3); save it as"
                        + " UTF-8");
    }

    @Test
    void javaNumberSuffixesAndHexAreNotNumbers() throws Exception {
        String[][] cases = {{"3f", "1"}, {"4d", "2"}, {"0x1p1", "1"}, {"1_000", "2"}, {"2F", "1"}, {"0x10", "2"}};
        for (String[] c : cases) {
            String row = c[1].equals("1") ? c[0] + ",1" : "1," + c[0];
            Path file = file("a,b\n5,6\n" + row + "\n");
            assertThatThrownBy(() -> Csv.read(file, true))
                    .isInstanceOf(DataFormatException.class)
                    .hasMessage(file + ":3: column " + c[1] + ": '" + c[0] + "' is not a number");
        }
    }

    @Test
    void plainDecimalNumbersInEveryFormAreAccepted() throws Exception {
        NdArray data = Csv.read(file("1, -2 ,+3,.5,6.,7.25e1,-8E-1,1e+2\n"), false);
        assertThat(data.data()).containsExactly(1, -2, 3, 0.5f, 6, 72.5f, -0.8f, 100);
    }

    @Test
    void carriageReturnsAloneEndLinesAndErrorsNameTheRightLine() throws Exception {
        assertThat(Csv.read(file("1,2\r3,4\r"), false).shape()).containsExactly(2, 2);
        Path file = file("1,2\r\r3,4\rx,5\r");
        assertThatThrownBy(() -> Csv.read(file, false)).hasMessage(file + ":4: column 1: 'x' is not a number");
    }
}
