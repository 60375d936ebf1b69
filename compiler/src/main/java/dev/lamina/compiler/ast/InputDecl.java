package dev.lamina.compiler.ast;

import java.util.List;

/**
 * {@code input [511, 2]}: the per-example shape as written (ints, or {@code None} for a length
 * known at run time) and whether the input holds integer token ids ({@code input [50] int}).
 */
public record InputDecl(List<Value> dims, boolean integerIds, Span span) implements Node {
    public InputDecl {
        dims = List.copyOf(dims);
    }
}
