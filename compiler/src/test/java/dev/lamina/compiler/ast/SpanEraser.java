package dev.lamina.compiler.ast;

import java.util.List;

/** Copies a syntax tree with every span replaced by {@link Span#NONE}, to compare trees by content. */
final class SpanEraser {
    private SpanEraser() {}

    static LaminaFile erase(LaminaFile file) {
        return new LaminaFile(file.models().stream().map(SpanEraser::erase).toList(), Span.NONE);
    }

    private static ModelDecl erase(ModelDecl m) {
        return new ModelDecl(
                m.name(),
                Span.NONE,
                m.inputs().stream()
                        .map(i -> new InputDecl(
                                i.name().map(SpanEraser::erase), values(i.dims()), i.integerIds(), Span.NONE))
                        .toList(),
                m.statements().stream().map(SpanEraser::erase).toList(),
                m.train()
                        .map(t -> new TrainDecl(
                                t.items().stream()
                                        .map(i -> new TrainItem(
                                                i.key(), i.setting(), Span.NONE, arguments(i.arguments()), Span.NONE))
                                        .toList(),
                                Span.NONE)),
                Span.NONE);
    }

    private static Name erase(Name name) {
        return new Name(name.text(), Span.NONE);
    }

    private static StatementDecl erase(StatementDecl s) {
        return new StatementDecl(
                s.target().map(SpanEraser::erase),
                s.source()
                        .map(src -> new SourceDecl(
                                src.refs().stream().map(SpanEraser::erase).toList(), src.list(), Span.NONE)),
                s.layers().stream()
                        .map(l -> new LayerDecl(l.type(), Span.NONE, arguments(l.arguments()), Span.NONE))
                        .toList(),
                Span.NONE);
    }

    private static List<Argument> arguments(List<Argument> arguments) {
        return arguments.stream()
                .map(a -> new Argument(a.key(), value(a.value()), Span.NONE))
                .toList();
    }

    private static List<Value> values(List<Value> values) {
        return values.stream().map(SpanEraser::value).toList();
    }

    private static Value value(Value v) {
        if (v instanceof Value.IntValue i) {
            return new Value.IntValue(i.value(), Span.NONE);
        } else if (v instanceof Value.FloatValue f) {
            return new Value.FloatValue(f.value(), Span.NONE);
        } else if (v instanceof Value.NoneValue) {
            return new Value.NoneValue(Span.NONE);
        } else if (v instanceof Value.NameValue n) {
            return new Value.NameValue(n.name(), Span.NONE);
        }
        return new Value.ListValue(values(((Value.ListValue) v).elements()), Span.NONE);
    }
}
