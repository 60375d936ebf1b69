package dev.lamina.compiler.ast;

import java.util.Objects;

/**
 * A place in a source file: 1-based line and column of its first character and its length in
 * characters (on the first line).
 */
public record Span(String file, int line, int column, int length) {
    /** The span of nodes built in code rather than parsed. */
    public static final Span NONE = new Span("<none>", 0, 0, 0);

    public Span {
        Objects.requireNonNull(file, "file");
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
