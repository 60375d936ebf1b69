package dev.lamina.compiler.ast;

/** A node of the syntax tree of a {@code .lamina} file; each knows where it came from. */
public sealed interface Node
        permits LaminaFile,
                ModelDecl,
                InputDecl,
                Name,
                StatementDecl,
                SourceDecl,
                LayerDecl,
                Argument,
                Value,
                TrainDecl,
                TrainItem {
    Span span();
}
