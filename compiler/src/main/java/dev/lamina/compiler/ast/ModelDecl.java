package dev.lamina.compiler.ast;

import java.util.List;
import java.util.Optional;

/**
 * {@code model Name { inputs... statements... train { ... } }}; {@code nameSpan} covers the name.
 * The last statement's value is the model's output.
 */
public record ModelDecl(
        String name,
        Span nameSpan,
        List<InputDecl> inputs,
        List<StatementDecl> statements,
        Optional<TrainDecl> train,
        Span span)
        implements Node {
    public ModelDecl {
        inputs = List.copyOf(inputs);
        statements = List.copyOf(statements);
    }

    /** Every layer of every statement, in source order. */
    public List<LayerDecl> layers() {
        return statements.stream().flatMap(s -> s.layers().stream()).toList();
    }
}
