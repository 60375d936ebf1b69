package dev.lamina.runtime.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTest {
    private static NdArray parse(String text, boolean header) throws Exception {
        return Csv.parse(new BufferedReader(new StringReader(text)), header, "data.csv");
    }

    @Test
    void readsRowsAndColumnsSkippingTheHeaderAndBlankLines(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("d.csv");
        Files.writeString(file, "a,b,c\n1,2,3\n\n4.5, -5 ,6e1\n");
        NdArray a = Csv.read(file, true);
        assertThat(a.shape()).containsExactly(2, 3);
        assertThat(a.data()).containsExactly(1, 2, 3, 4.5f, -5, 60);
    }

    @Test
    void namesTheLineAndColumnCountOfARaggedRow() {
        assertThatThrownBy(() -> parse("1,2,3\n4,5,6\n7,8\n", false))
                .isInstanceOf(DataFormatException.class)
                .hasMessage("data.csv:3: 2 columns, expected 3 like the first data row");
    }

    @Test
    void namesTheLineAndColumnOfABadNumber() {
        assertThatThrownBy(() -> parse("x,y\n1,2\n3,abc\n", true))
                .isInstanceOf(DataFormatException.class)
                .hasMessage("data.csv:3: column 2: 'abc' is not a number");
    }

    @Test
    void rejectsAFileWithoutData() {
        assertThatThrownBy(() -> parse("x,y\n", true)).hasMessage("data.csv: no data rows");
    }
}
