package dev.lamina.compiler.ast;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Prints a syntax tree back to {@code .lamina} text in the canonical layout (two-space indent, one
 * layer per line). Parsing the output gives the same tree, spans aside.
 */
public final class AstPrinter {
    private static final java.util.Set<String> KEYWORDS =
            java.util.Set.of("model", "input", "train", "int", "float", "None");

    private AstPrinter() {}

    public static String print(LaminaFile file) {
        return file.models().stream().map(AstPrinter::print).collect(Collectors.joining("\n"));
    }

    public static String print(ModelDecl model) {
        StringBuilder out = new StringBuilder();
        out.append("model ").append(model.name()).append(" {\n");
        for (InputDecl input : model.inputs()) {
            out.append("  input ");
            input.name().ifPresent(name -> out.append(name.text()).append(' '));
            out.append(list(input.dims()));
            if (input.integerIds()) {
                out.append(" int");
            }
            out.append('\n');
        }
        for (StatementDecl statement : model.statements()) {
            out.append("  ").append(print(statement)).append('\n');
        }
        model.train().ifPresent(train -> {
            out.append("  train {\n");
            for (TrainItem item : train.items()) {
                out.append("    ").append(item.key()).append(' ').append(item.setting());
                if (!item.arguments().isEmpty()) {
                    out.append(arguments(item.arguments()));
                }
                out.append('\n');
            }
            out.append("  }\n");
        });
        return out.append("}\n").toString();
    }

    /** {@code k3 = embedded -> conv1d(100, 3) -> global_max_pooling1d}. */
    public static String print(StatementDecl statement) {
        StringBuilder out = new StringBuilder();
        statement.target().ifPresent(target -> out.append(target.text()).append(" = "));
        statement.source().ifPresent(source -> {
            String refs = source.refs().stream().map(Name::text).collect(Collectors.joining(", "));
            out.append(source.list() ? "[" + refs + "]" : refs).append(" -> ");
        });
        out.append(statement.layers().stream().map(AstPrinter::print).collect(Collectors.joining(" -> ")));
        return out.toString();
    }

    public static String print(LayerDecl layer) {
        return layer.arguments().isEmpty() ? layer.type() : layer.type() + arguments(layer.arguments());
    }

    public static String print(Value value) {
        if (value instanceof Value.IntValue v) {
            return v.value().toString();
        } else if (value instanceof Value.FloatValue v) {
            return Double.toString(v.value());
        } else if (value instanceof Value.NoneValue) {
            return "None";
        } else if (value instanceof Value.NameValue v) {
            return isBareName(v.name()) ? v.name() : "\"" + v.name() + "\"";
        } else {
            return list(((Value.ListValue) value).elements());
        }
    }

    /** A name that reads back as a name without quotes: an identifier that is not a keyword. */
    private static boolean isBareName(String name) {
        return name.matches("[A-Za-z_][A-Za-z0-9_]*") && !KEYWORDS.contains(name);
    }

    private static String arguments(List<Argument> arguments) {
        return arguments.stream()
                .map(a -> a.key().map(k -> k + "=").orElse("") + print(a.value()))
                .collect(Collectors.joining(", ", "(", ")"));
    }

    private static String list(List<Value> values) {
        return values.stream().map(AstPrinter::print).collect(Collectors.joining(", ", "[", "]"));
    }
}
