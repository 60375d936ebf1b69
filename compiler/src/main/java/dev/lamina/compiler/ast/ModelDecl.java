package dev.lamina.compiler.ast;

import java.util.List;
import java.util.Optional;

/** {@code model Name { input ... layers ... train { ... } }}; {@code nameSpan} covers the name. */
public record ModelDecl(
        String name, Span nameSpan, InputDecl input, List<LayerDecl> layers, Optional<TrainDecl> train, Span span)
        implements Node {
    public ModelDecl {
        layers = List.copyOf(layers);
    }
}
