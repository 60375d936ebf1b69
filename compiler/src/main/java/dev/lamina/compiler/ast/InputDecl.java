package dev.lamina.compiler.ast;

import java.util.List;
import java.util.Optional;

/**
 * {@code input [511, 2]} or {@code input tokens [50] int}: the input's name if written, the
 * per-example shape as written (ints, or {@code None} for a length known at run time) and whether
 * the input holds integer token ids.
 */
public record InputDecl(Optional<Name> name, List<Value> dims, boolean integerIds, Span span) implements Node {
    public InputDecl {
        dims = List.copyOf(dims);
    }
}
