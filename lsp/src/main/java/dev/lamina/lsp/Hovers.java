package dev.lamina.lsp;

import dev.lamina.compiler.CheckedModel;
import dev.lamina.compiler.ast.InputDecl;
import dev.lamina.compiler.ast.LayerDecl;
import dev.lamina.compiler.ast.ModelDecl;
import dev.lamina.compiler.ast.TrainItem;
import dev.lamina.compiler.ast.Value;
import dev.lamina.compiler.check.LanguageCatalog;
import dev.lamina.compiler.check.LanguageCatalog.Choice;
import dev.lamina.compiler.check.LanguageCatalog.Entry;
import dev.lamina.compiler.check.LanguageCatalog.Option;
import dev.lamina.compiler.ir.CheckedLayer;
import dev.lamina.lsp.SourceIndex.ArgumentTarget;
import dev.lamina.lsp.SourceIndex.Binding;
import dev.lamina.lsp.SourceIndex.InputTarget;
import dev.lamina.lsp.SourceIndex.LayerTarget;
import dev.lamina.lsp.SourceIndex.ModelTarget;
import dev.lamina.lsp.SourceIndex.SettingTarget;
import dev.lamina.lsp.SourceIndex.Target;
import dev.lamina.lsp.SourceIndex.TensorTarget;
import dev.lamina.runtime.spec.InputSpec;
import dev.lamina.runtime.spec.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.Position;

/**
 * Hover texts: a layer's shapes, parameter count and derivation (what {@code lamina explain}
 * prints), an input's shape, a tensor name's shape and where it is bound, a model's inputs, output
 * and size, and the documentation of options, values, losses and optimizers.
 */
final class Hovers {
    private Hovers() {}

    /** The hover at {@code position}, or null when there is nothing there. */
    static Hover at(DocumentAnalysis analysis, Position position, boolean markdown) {
        int line = position.getLine() + 1;
        int column = analysis.lines().column(position);
        Optional<Target> target = analysis.index().at(line, column);
        if (target.isEmpty()) {
            return null;
        }
        Optional<Markup> text = describe(analysis.index(), target.get());
        return text.map(t -> new Hover(
                        t.render(markdown), analysis.lines().range(target.get().span())))
                .orElse(null);
    }

    private static Optional<Markup> describe(SourceIndex index, Target target) {
        if (target instanceof LayerTarget layer) {
            return Optional.of(layer(index, layer.model(), layer.layer()));
        } else if (target instanceof InputTarget input) {
            return Optional.of(input(input.input()));
        } else if (target instanceof TensorTarget tensor) {
            return tensor.binding().map(b -> tensor(index, b));
        } else if (target instanceof ModelTarget model) {
            return Optional.of(model(index, model.model()));
        } else if (target instanceof ArgumentTarget argument) {
            return argument(argument);
        } else if (target instanceof SettingTarget setting) {
            return setting(setting);
        }
        throw new IllegalStateException("no hover for " + target);
    }

    /** {@code conv1d (Conv1D): (128, 1) -> (64, 32), 192 parameters}, the derivation, the layer's documentation. */
    static Markup layer(SourceIndex index, ModelDecl model, LayerDecl layer) {
        Markup out = new Markup();
        String kerasClass = LanguageCatalog.kerasClass(layer.type());
        Optional<CheckedLayer> checked = index.checked(layer);
        if (checked.isPresent()) {
            CheckedLayer c = checked.get();
            out.paragraph(
                    c.name(),
                    " (" + kerasClass + "): " + c.inputText() + " -> " + c.output() + ", " + parameters(c.params()));
            List<String> lines = new ArrayList<>();
            if (isGraph(model)) {
                lines.add("reads: " + String.join(", ", c.inputs()));
            }
            lines.addAll(c.derivation());
            out.block(lines);
        } else {
            out.paragraph(
                    layer.type(), " (" + kerasClass + "): no shape, because this layer or one it reads has an error");
        }
        LanguageCatalog.layer(layer.type()).ifPresent(entry -> out.paragraph(entry.doc()));
        return out;
    }

    private static Markup input(InputDecl input) {
        String name = input.name().map(n -> " " + n.text()).orElse("");
        Optional<Shape> shape = SourceIndex.declaredShape(input);
        return new Markup()
                .paragraph(
                        "input" + name,
                        shape.map(s -> ": " + s + " per example" + (input.integerIds() ? " of token ids" : "") + ", "
                                        + withBatch(s) + " with the batch axis")
                                .orElse(": not a valid shape"));
    }

    private static Markup tensor(SourceIndex index, Binding binding) {
        String shape = index.shape(binding).map(Shape::toString).orElse("no shape (an error on the way)");
        String origin = binding.input().isPresent()
                ? "input"
                : "value of " + describeChain(binding.statement().orElseThrow().layers());
        return new Markup()
                .paragraph(
                        binding.name().text(),
                        ": " + shape + ", the " + origin + ", bound on line "
                                + binding.name().span().line());
    }

    private static String describeChain(List<LayerDecl> chain) {
        return chain.size() == 1
                ? chain.get(0).type()
                : chain.get(chain.size() - 1).type() + " (the last of " + chain.size() + " layers)";
    }

    private static Markup model(SourceIndex index, ModelDecl model) {
        Optional<CheckedModel> checked = index.checked(model);
        if (checked.isEmpty()) {
            return new Markup()
                    .paragraph(
                            "model " + model.name(),
                            ": " + plural(model.layers().size(), "layer")
                                    + "; its output is shown once the file has no errors");
        }
        CheckedModel m = checked.get();
        List<InputSpec> inputs = m.inputs();
        String in = inputs.size() == 1
                ? "input " + inputs.get(0).shape()
                : "inputs "
                        + inputs.stream().map(i -> i.name() + " " + i.shape()).collect(Collectors.joining(", "));
        return new Markup()
                .paragraph(
                        "model " + m.name(),
                        ": " + in + " -> output " + m.outputShape() + "; "
                                + plural(m.layers().size(), "layer") + ", " + parameters(m.totalParams()));
    }

    private static Optional<Markup> argument(ArgumentTarget argument) {
        Optional<Entry> entry = argument.ofOptimizer()
                ? LanguageCatalog.optimizer(argument.owner())
                : LanguageCatalog.layer(argument.owner());
        Optional<Option> option = entry.flatMap(e -> argument.option().flatMap(e::option));
        if (option.isEmpty()) {
            return Optional.empty();
        }
        Option o = option.get();
        if (argument.onValue() && argument.argument().value() instanceof Value.NameValue value) {
            Optional<Choice> choice = o.choices().stream()
                    .filter(c -> c.name().equals(value.name()))
                    .findFirst();
            if (choice.isPresent()) {
                return Optional.of(new Markup()
                        .paragraph(
                                choice.get().name(),
                                " (" + o.name() + "): " + choice.get().doc()));
            }
        }
        return Optional.of(option(argument.owner(), o));
    }

    /** {@code strides} (option of conv1d): an integer, default 1, and what it means. */
    static Markup option(String owner, Option option) {
        String value = option.required()
                ? "required"
                : option.defaultValue().map(d -> "default " + d).orElse("optional");
        String choices = option.choices().isEmpty()
                ? ""
                : "; one of " + option.choices().stream().map(Choice::name).collect(Collectors.joining(", "));
        return new Markup()
                .paragraph(option.name(), " (option of " + owner + "): " + option.accepts() + ", " + value + choices)
                .paragraph(option.doc());
    }

    private static Optional<Markup> setting(SettingTarget setting) {
        TrainItem item = setting.item();
        if (setting.onKey()) {
            return LanguageCatalog.trainingSettings().stream()
                    .filter(c -> c.name().equals(item.key()))
                    .findFirst()
                    .map(c -> new Markup().paragraph(c.name(), ": " + c.doc()));
        }
        if (item.key().equals("loss")) {
            return LanguageCatalog.losses().stream()
                    .filter(c -> c.name().equals(item.setting()))
                    .findFirst()
                    .map(c -> new Markup().paragraph(c.name(), " (loss): " + c.doc()));
        }
        return LanguageCatalog.optimizer(item.setting()).map(Hovers::optimizer);
    }

    static Markup optimizer(Entry optimizer) {
        return new Markup()
                .paragraph(optimizer.name(), " (" + optimizer.kerasClass() + "): " + optimizer.doc())
                .block(optimizer.options().stream()
                        .map(o -> o.name() + o.defaultValue().map(d -> "=" + d).orElse("") + "  " + o.doc())
                        .toList());
    }

    /** True when the model uses graph syntax (a named value or a source), as {@code explain} shows reads for. */
    private static boolean isGraph(ModelDecl model) {
        return model.inputs().size() > 1
                || model.statements().stream()
                        .anyMatch(s -> s.target().isPresent() || s.source().isPresent());
    }

    static String parameters(long count) {
        return count == 0 ? "no parameters" : plural(count, "parameter");
    }

    private static String plural(long count, String noun) {
        return String.format(Locale.ROOT, "%,d", count) + " " + noun + (count == 1 ? "" : "s");
    }

    /** {@code (None, 128, 1)}. */
    static String withBatch(Shape shape) {
        String inner = shape.toString();
        return "(None, " + inner.substring(1, inner.length() - 1).replaceAll(",$", "") + ")";
    }
}
