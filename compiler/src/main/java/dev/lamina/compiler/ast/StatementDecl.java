package dev.lamina.compiler.ast;

import java.util.List;
import java.util.Optional;

/**
 * One statement: a chain of layers, each reading the one before ({@code a -> conv1d(...) ->
 * global_max_pooling1d}), whose first layer reads {@code source} (or, without one, the previous
 * statement's value), optionally bound to {@code target}.
 */
public record StatementDecl(Optional<Name> target, Optional<SourceDecl> source, List<LayerDecl> layers, Span span)
        implements Node {
    public StatementDecl {
        layers = List.copyOf(layers);
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a statement has at least one layer");
        }
    }
}
