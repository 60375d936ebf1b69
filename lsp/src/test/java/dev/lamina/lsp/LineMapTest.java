package dev.lamina.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.compiler.ast.Span;
import java.util.List;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.junit.jupiter.api.Test;

/** Positions: 1-based code-point spans to 0-based UTF-16 protocol ranges and back, and edits. */
class LineMapTest {
    private static Range range(int l1, int c1, int l2, int c2) {
        return new Range(new Position(l1, c1), new Position(l2, c2));
    }

    @Test
    void aSpanCoversItsLengthOnItsLine() {
        LineMap lines = new LineMap("model M {\n  input [68]\n  conv1d(32, 3)\n}\n");
        assertThat(lines.range(new Span("f", 3, 3, 13))).isEqualTo(range(2, 2, 2, 15));
        assertThat(lines.position(3, 3)).isEqualTo(new Position(2, 2));
        assertThat(lines.column(new Position(2, 2))).isEqualTo(3);
        assertThat(lines.line(3)).isEqualTo("}");
        assertThat(lines.line(4)).isEmpty();
    }

    @Test
    void charactersOutsideTheBasicPlaneCountOnceInSpansAndTwiceInTheProtocol() {
        // "😀" is one code point (the parser's column) and two UTF-16 units (the protocol's)
        String line = "  /* 😀 */ dense(2, activation=foo)";
        LineMap lines = new LineMap("model M {\n" + line + "\n}");
        int column = line.codePointCount(0, line.indexOf("foo")) + 1;
        assertThat(column).isEqualTo(31);
        assertThat(line.indexOf("foo")).isEqualTo(31);
        assertThat(lines.range(new Span("f", 2, column, 3))).isEqualTo(range(1, 31, 1, 34));
        assertThat(lines.column(new Position(1, 31))).isEqualTo(31);
        // the emoji itself: one column, two units
        assertThat(lines.range(new Span("f", 2, 6, 1))).isEqualTo(range(1, 5, 1, 7));
    }

    @Test
    void spansAreClampedToTheirLineAndFileLevelSpansToTheStart() {
        LineMap lines = new LineMap("ab\r\ncd");
        assertThat(lines.line(0)).isEqualTo("ab");
        assertThat(lines.range(new Span("f", 1, 2, 40))).isEqualTo(range(0, 1, 0, 2));
        assertThat(lines.range(new Span("f", 9, 1, 1))).isEqualTo(range(1, 0, 1, 1));
        assertThat(lines.range(Span.NONE)).isEqualTo(range(0, 0, 0, 0));
        assertThat(lines.offset(new Position(1, 1))).isEqualTo(5);
        assertThat(lines.offset(new Position(0, 99))).isEqualTo(2);
        assertThat(lines.offset(new Position(7, 0))).isEqualTo(6);
        assertThat(lines.position(5)).isEqualTo(new Position(1, 1));
        assertThat(lines.end()).isEqualTo(new Position(1, 2));
    }

    @Test
    void incrementalEditsReplaceRangesInOrder() {
        TextDocument document = new TextDocument("u", 1, "model M {\n  input [4]\n  dense(2)\n}\n");
        TextDocument edited = document.apply(
                2,
                List.of(
                        new TextDocumentContentChangeEvent(range(2, 8, 2, 9), "16"),
                        new TextDocumentContentChangeEvent(range(2, 10, 2, 10), ", activation=relu"),
                        new TextDocumentContentChangeEvent(range(1, 0, 2, 0), "")));
        assertThat(edited.text()).isEqualTo("model M {\n  dense(16, activation=relu)\n}\n");
        assertThat(edited.version()).isEqualTo(2);
        assertThat(edited.apply(3, List.of(new TextDocumentContentChangeEvent("model N {}")))
                        .text())
                .isEqualTo("model N {}");
    }
}
