package dev.lamina.compiler.ast;

import java.util.List;

/** A parsed file: its models in source order. */
public record LaminaFile(List<ModelDecl> models, Span span) implements Node {
    public LaminaFile {
        models = List.copyOf(models);
    }
}
