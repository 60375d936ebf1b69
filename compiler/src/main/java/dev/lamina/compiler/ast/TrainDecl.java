package dev.lamina.compiler.ast;

import java.util.List;

/** {@code train { loss ...; optimizer ... }}. */
public record TrainDecl(List<TrainItem> items, Span span) implements Node {
    public TrainDecl {
        items = List.copyOf(items);
    }
}
