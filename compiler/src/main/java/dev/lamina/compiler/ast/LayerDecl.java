package dev.lamina.compiler.ast;

import java.util.List;

/** One layer as written: {@code conv1d(100, 10, activation=relu)}; {@code typeSpan} covers the type. */
public record LayerDecl(String type, Span typeSpan, List<Argument> arguments, Span span) implements Node {
    public LayerDecl {
        arguments = List.copyOf(arguments);
    }
}
