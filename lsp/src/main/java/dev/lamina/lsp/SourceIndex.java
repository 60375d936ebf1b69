package dev.lamina.lsp;

import dev.lamina.compiler.CheckedModel;
import dev.lamina.compiler.Compilation;
import dev.lamina.compiler.ast.Argument;
import dev.lamina.compiler.ast.InputDecl;
import dev.lamina.compiler.ast.LayerDecl;
import dev.lamina.compiler.ast.ModelDecl;
import dev.lamina.compiler.ast.Name;
import dev.lamina.compiler.ast.SourceDecl;
import dev.lamina.compiler.ast.Span;
import dev.lamina.compiler.ast.StatementDecl;
import dev.lamina.compiler.ast.TrainItem;
import dev.lamina.compiler.ast.Value;
import dev.lamina.compiler.check.LanguageCatalog;
import dev.lamina.compiler.ir.CheckedLayer;
import dev.lamina.runtime.spec.Shape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What is where in a compiled document: every model name, input, layer, argument, training setting
 * and tensor name with its span, tensor names resolved to their bindings the way the checker
 * resolves them, and the shapes the checker inferred. Hover, navigation and the outline read it.
 */
final class SourceIndex {
    /**
     * Where a tensor name is bound in a model: an input ({@code input} set) or the value of a
     * statement ({@code statement} set).
     */
    record Binding(ModelDecl model, Name name, Optional<InputDecl> input, Optional<StatementDecl> statement) {}

    /** Something in the source that a position can point at. */
    sealed interface Target {
        Span span();
    }

    record ModelTarget(ModelDecl model, Span span) implements Target {}

    record InputTarget(ModelDecl model, InputDecl input, Span span) implements Target {}

    /** A tensor name: a binding, a reference, or an input's name; {@code binding} is empty when it resolves to nothing. */
    record TensorTarget(ModelDecl model, Name name, Optional<Binding> binding, Span span) implements Target {}

    record LayerTarget(ModelDecl model, LayerDecl layer, Span span) implements Target {}

    /**
     * An argument of a layer or optimizer ({@code owner}): its key, or its value ({@code onValue}),
     * and the option it sets when that is known ({@code option}).
     */
    record ArgumentTarget(
            String owner, boolean ofOptimizer, Argument argument, Optional<String> option, boolean onValue, Span span)
            implements Target {}

    /** A training setting's key ({@code loss}, {@code onKey}) or its value ({@code mse}). */
    record SettingTarget(TrainItem item, boolean onKey, Span span) implements Target {}

    private final List<Target> targets = new ArrayList<>();
    private final Map<Span, CheckedLayer> layers = new HashMap<>();
    private final Map<String, CheckedModel> checkedModels = new HashMap<>();
    /** By identity: syntax-tree records compare by value, deeply. */
    private final Map<ModelDecl, Map<String, Binding>> bindings = new IdentityHashMap<>();

    SourceIndex(Compilation compilation) {
        compilation.inferredLayers().forEach(layer -> layers.put(layer.span(), layer));
        compilation.models().forEach(model -> checkedModels.put(model.name(), model));
        for (ModelDecl model : compilation.syntaxTree().models()) {
            index(model);
        }
    }

    /** The innermost target at a 1-based line and code-point column (a position just after a name still points at it). */
    Optional<Target> at(int line, int column) {
        Target best = null;
        for (Target target : targets) {
            Span span = target.span();
            if (span.line() == line
                    && column >= span.column()
                    && column <= span.column() + span.length()
                    && (best == null
                            || span.length() < best.span().length()
                            || span.length() == best.span().length()
                                    && span.column() > best.span().column())) {
                best = target;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The shapes the checker inferred for a layer, if it did. */
    Optional<CheckedLayer> checked(LayerDecl layer) {
        return Optional.ofNullable(layers.get(layer.span()));
    }

    /** The model as checked, when it passed the checker (and the whole file did). */
    Optional<CheckedModel> checked(ModelDecl model) {
        return Optional.ofNullable(checkedModels.get(model.name()));
    }

    /** The tensor names a model binds, in binding order. */
    Map<String, Binding> bindings(ModelDecl model) {
        return bindings.getOrDefault(model, Map.of());
    }

    /** Every tensor-name target that resolves to {@code binding} (its own name included). */
    List<TensorTarget> uses(Binding binding) {
        return targets.stream()
                .filter(t -> t instanceof TensorTarget tensor
                        && tensor.binding().isPresent()
                        && tensor.binding().get() == binding)
                .map(TensorTarget.class::cast)
                .toList();
    }

    /** A tensor's shape per example: an input's as declared, a statement value's as inferred. */
    Optional<Shape> shape(Binding binding) {
        if (binding.input().isPresent()) {
            return declaredShape(binding.input().get());
        }
        List<LayerDecl> chain = binding.statement().orElseThrow().layers();
        return checked(chain.get(chain.size() - 1)).map(CheckedLayer::output);
    }

    /** An input's shape as written, when every dimension is a valid size or None. */
    static Optional<Shape> declaredShape(InputDecl input) {
        if (input.dims().isEmpty()) {
            return Optional.empty();
        }
        int[] dims = new int[input.dims().size()];
        for (int i = 0; i < dims.length; i++) {
            Value value = input.dims().get(i);
            if (value instanceof Value.NoneValue) {
                dims[i] = Shape.UNKNOWN;
            } else if (value instanceof Value.IntValue v
                    && v.value().signum() > 0
                    && v.value().bitLength() < 32) {
                dims[i] = v.value().intValue();
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(Shape.of(dims));
    }

    private void index(ModelDecl model) {
        Map<String, Binding> scope = new LinkedHashMap<>();
        bindings.put(model, scope);
        targets.add(new ModelTarget(model, model.nameSpan()));
        for (InputDecl input : model.inputs()) {
            targets.add(new InputTarget(model, input, input.span()));
            input.name().ifPresent(name -> {
                Binding binding = new Binding(model, name, Optional.of(input), Optional.empty());
                scope.putIfAbsent(name.text(), binding);
                targets.add(new TensorTarget(model, name, Optional.of(scope.get(name.text())), name.span()));
            });
        }
        for (StatementDecl statement : model.statements()) {
            statement.source().ifPresent(source -> source(model, source, scope));
            for (LayerDecl layer : statement.layers()) {
                layer(model, layer);
            }
            statement.target().ifPresent(name -> {
                Binding binding = new Binding(model, name, Optional.empty(), Optional.of(statement));
                scope.putIfAbsent(name.text(), binding);
                targets.add(new TensorTarget(model, name, Optional.of(scope.get(name.text())), name.span()));
            });
        }
        model.train().ifPresent(train -> {
            for (TrainItem item : train.items()) {
                Span span = item.span();
                targets.add(new SettingTarget(
                        item,
                        true,
                        new Span(
                                span.file(),
                                span.line(),
                                span.column(),
                                item.key().length())));
                targets.add(new SettingTarget(item, false, item.settingSpan()));
                arguments(item.setting(), true, item.arguments());
            }
        });
    }

    /**
     * The references of a source, resolved in the scope so far; a lone name that resolves to
     * nothing but is a layer type is a layer without arguments, as the checker reads it
     * ({@code flatten -> dense(4)}).
     */
    private void source(ModelDecl model, SourceDecl source, Map<String, Binding> scope) {
        for (Name ref : source.refs()) {
            Binding binding = scope.get(ref.text());
            if (binding == null
                    && !source.list()
                    && LanguageCatalog.layer(ref.text()).isPresent()) {
                targets.add(new LayerTarget(
                        model, new LayerDecl(ref.text(), ref.span(), List.of(), ref.span()), ref.span()));
            } else {
                targets.add(new TensorTarget(model, ref, Optional.ofNullable(binding), ref.span()));
            }
        }
    }

    private void layer(ModelDecl model, LayerDecl layer) {
        targets.add(new LayerTarget(model, layer, layer.span()));
        arguments(layer.type(), false, layer.arguments());
    }

    private void arguments(String owner, boolean ofOptimizer, List<Argument> arguments) {
        Optional<LanguageCatalog.Entry> entry =
                ofOptimizer ? LanguageCatalog.optimizer(owner) : LanguageCatalog.layer(owner);
        for (int i = 0; i < arguments.size(); i++) {
            Argument argument = arguments.get(i);
            Optional<String> option = argument.key();
            if (option.isEmpty()
                    && entry.isPresent()
                    && i < entry.get().options().size()) {
                option = Optional.of(entry.get().options().get(i).name());
            }
            Span span = argument.span();
            if (argument.key().isPresent()) {
                Span key = new Span(
                        span.file(),
                        span.line(),
                        span.column(),
                        argument.key().get().length());
                targets.add(new ArgumentTarget(owner, ofOptimizer, argument, option, false, key));
            }
            targets.add(new ArgumentTarget(
                    owner, ofOptimizer, argument, option, true, argument.value().span()));
        }
    }
}
