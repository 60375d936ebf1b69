package dev.lamina.compiler.ast;

import java.util.List;

/**
 * What a chain reads: one tensor ({@code a ->}) or a bracketed list of tensors ({@code [a, b] ->},
 * {@code list} true), as merges take.
 */
public record SourceDecl(List<Name> refs, boolean list, Span span) implements Node {
    public SourceDecl {
        refs = List.copyOf(refs);
    }
}
