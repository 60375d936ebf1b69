package dev.lamina.lsp;

import dev.lamina.compiler.ast.Span;
import java.util.Arrays;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * The one place where positions are converted. LSP positions are 0-based lines and 0-based
 * characters counted in UTF-16 code units; Lamina spans are 1-based lines and 1-based columns
 * counted in code points (the parser's character positions), with a length in code points on the
 * span's line. They differ only on lines with characters outside the Basic Multilingual Plane.
 * Lines end at {@code \n}, {@code \r\n} or {@code \r} as the protocol counts them (the parser
 * counts {@code \n} only: the two agree unless a file breaks lines with a lone {@code \r}).
 */
final class LineMap {
    private final String text;
    /** Offset of the first character of each line. */
    private final int[] starts;

    LineMap(String text) {
        this.text = text;
        int[] found = new int[16];
        int count = 0;
        found[count++] = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                if (count == found.length) {
                    found = Arrays.copyOf(found, count * 2);
                }
                found[count++] = i + 1;
            }
        }
        this.starts = Arrays.copyOf(found, count);
    }

    /** The text of a 0-based line, without its line break. */
    String line(int line) {
        return text.substring(starts[line], lineEnd(line));
    }

    /** The LSP range of a span: its length on its line, clamped to the line; line 0 spans map to the file's start. */
    Range range(Span span) {
        if (span.line() < 1) {
            return new Range(new Position(0, 0), new Position(0, 0));
        }
        int line = Math.min(span.line(), starts.length) - 1;
        String source = line(line);
        int start = utf16(source, span.column() - 1);
        int end = utf16(source, span.column() - 1 + Math.max(0, span.length()));
        return new Range(new Position(line, start), new Position(line, end));
    }

    /** The LSP position of a 1-based line and code-point column. */
    Position position(int line, int column) {
        int l = Math.max(0, Math.min(line, starts.length) - 1);
        return new Position(l, utf16(line(l), column - 1));
    }

    /** The 1-based code-point column of an LSP position (its line is {@code position.getLine() + 1}). */
    int column(Position position) {
        if (position.getLine() < 0 || position.getLine() >= starts.length) {
            return 1;
        }
        String source = line(position.getLine());
        int units = Math.max(0, Math.min(position.getCharacter(), source.length()));
        return source.codePointCount(0, units) + 1;
    }

    /** The offset in the text of an LSP position, clamped to the text (for edits). */
    int offset(Position position) {
        if (position.getLine() < 0) {
            return 0;
        }
        if (position.getLine() >= starts.length) {
            return text.length();
        }
        int start = starts[position.getLine()];
        return start + Math.max(0, Math.min(position.getCharacter(), lineEnd(position.getLine()) - start));
    }

    /** The LSP position of an offset in the text. */
    Position position(int offset) {
        int line = Arrays.binarySearch(starts, offset);
        if (line < 0) {
            line = -line - 2;
        }
        return new Position(line, offset - starts[line]);
    }

    /** The end of the text as an LSP position. */
    Position end() {
        return position(text.length());
    }

    private int lineEnd(int line) {
        int end = line + 1 < starts.length ? starts[line + 1] : text.length();
        if (end > starts[line] && text.charAt(end - 1) == '\n') {
            end--;
        }
        if (end > starts[line] && text.charAt(end - 1) == '\r') {
            end--;
        }
        return end;
    }

    /** UTF-16 units of the first {@code codePoints} code points of {@code line}, clamped to the line. */
    private static int utf16(String line, int codePoints) {
        int available = line.codePointCount(0, line.length());
        return line.offsetByCodePoints(0, Math.max(0, Math.min(codePoints, available)));
    }
}
