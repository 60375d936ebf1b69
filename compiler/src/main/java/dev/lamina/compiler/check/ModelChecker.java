package dev.lamina.compiler.check;

import dev.lamina.compiler.ast.AstPrinter;
import dev.lamina.compiler.ast.InputDecl;
import dev.lamina.compiler.ast.LayerDecl;
import dev.lamina.compiler.ast.ModelDecl;
import dev.lamina.compiler.ast.Name;
import dev.lamina.compiler.ast.SourceDecl;
import dev.lamina.compiler.ast.Span;
import dev.lamina.compiler.ast.StatementDecl;
import dev.lamina.compiler.ast.Value;
import dev.lamina.compiler.diag.Diagnostic;
import dev.lamina.compiler.diag.ErrorCode;
import dev.lamina.compiler.ir.CheckedLayer;
import dev.lamina.compiler.ir.ModelIr;
import dev.lamina.runtime.spec.InputSpec;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.Shape;
import dev.lamina.runtime.spec.TrainingSpec;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Checks one model: its inputs, every statement's tensor references and layer arguments, shape
 * inference through the graph (a layer whose inputs failed is skipped, since its shapes would be
 * guesses; independent branches are still checked), token-id rules, the training section, values
 * that never reach the output (warnings), and the classic loss/output mismatches as warnings.
 */
final class ModelChecker {
    private final ModelDecl model;
    private final List<Diagnostic> sink;
    /** Tensor names in scope: input names and bound statement values. */
    private final Map<String, Tensor> scope = new LinkedHashMap<>();

    private final Map<String, Integer> counters = new HashMap<>();
    private final Map<String, Span> layerNames = new HashMap<>();
    private final List<CheckedLayer> layers = new ArrayList<>();
    private final List<InputSpec> inputs = new ArrayList<>();
    /** Every tensor produced, by its IR name (input or layer name), to mark what is read. */
    private final Map<String, Tensor> produced = new HashMap<>();

    /**
     * A value the checker knows: its IR name (an input's or a layer's), shape (null when its
     * producer failed), whether it is a model input of token ids, and where it was defined.
     */
    private static final class Tensor {
        final String name;
        final Shape shape;
        final boolean modelInput;
        final boolean integerIds;
        final Span definedAt;
        final String description;
        boolean read;

        Tensor(String name, Shape shape, boolean modelInput, boolean integerIds, Span definedAt, String description) {
            this.name = name;
            this.shape = shape;
            this.modelInput = modelInput;
            this.integerIds = integerIds;
            this.definedAt = definedAt;
            this.description = description;
        }
    }

    private ModelChecker(ModelDecl model, List<Diagnostic> sink) {
        this.model = model;
        this.sink = sink;
    }

    /**
     * The checked model, or empty if it has errors (all reported to {@code sink}); every layer whose
     * shapes were inferred is added to {@code inferred} either way.
     */
    static Optional<ModelIr> check(ModelDecl model, List<Diagnostic> sink, List<CheckedLayer> inferred) {
        ModelChecker checker = new ModelChecker(model, sink);
        Optional<ModelIr> checked = checker.run();
        inferred.addAll(checker.layers);
        return checked;
    }

    private Optional<ModelIr> run() {
        int before = errorCount();
        boolean inputsOk = declareInputs();
        Tensor current =
                inputs.size() == 1 && inputsOk ? scope.get(inputs.get(0).name()) : null;
        Tensor last = current;
        for (int s = 0; s < model.statements().size(); s++) {
            StatementDecl statement = model.statements().get(s);
            Tensor value = statement(statement, current, s == 0, inputsOk);
            last = value;
            current = value;
        }
        if (model.statements().isEmpty() && inputs.size() > 1) {
            sink.add(Diagnostic.of(
                    ErrorCode.WHICH_INPUT,
                    model.nameSpan(),
                    "add statements that read the inputs and merge them, e.g. `[a, b] -> concatenate`",
                    inputs.size(),
                    inputs.stream().map(InputSpec::name).collect(Collectors.joining(", "))));
        }
        TrainingSpec training =
                model.train().map(t -> TrainingChecker.check(t, sink)).orElse(null);
        if (errorCount() > before || last == null) {
            return Optional.empty();
        }
        last.read = true;
        checkIds();
        warnUnused();
        if (errorCount() > before) {
            return Optional.empty();
        }
        Optional<TrainingSpec> trainingSpec = Optional.ofNullable(training);
        OutputWarnings.check(layers, last.name, trainingSpec, sink);
        return Optional.of(new ModelIr(model.name(), inputs, layers, last.name, trainingSpec, model.span()));
    }

    private int errorCount() {
        return (int) sink.stream().filter(Diagnostic::isError).count();
    }

    /** Declares every input; false when one is invalid (its shape or name). */
    private boolean declareInputs() {
        boolean ok = true;
        List<InputDecl> decls = model.inputs();
        if (decls.size() > 1) {
            for (InputDecl decl : decls) {
                if (decl.name().isEmpty()) {
                    sink.add(Diagnostic.of(
                            ErrorCode.UNNAMED_INPUTS,
                            decl.span(),
                            "write a name after `input`, e.g. `input side [8]`",
                            decls.size()));
                    ok = false;
                }
            }
        }
        for (InputDecl decl : decls) {
            String name = decl.name().map(Name::text).orElse(InputSpec.DEFAULT_NAME);
            InputSpec input = input(decl, name);
            if (input == null) {
                ok = false;
                continue;
            }
            Span at = decl.name().map(Name::span).orElse(decl.span());
            if (!bind(
                    name, at, new Tensor(name, input.shape(), true, input.integerIds(), at, "input '" + name + "'"))) {
                ok = false;
                continue;
            }
            inputs.add(input);
        }
        return ok;
    }

    /** Binds a tensor name; reports and returns false when the name is taken. */
    private boolean bind(String name, Span at, Tensor tensor) {
        Tensor first = scope.get(name);
        if (first != null) {
            sink.add(Diagnostic.of(
                    ErrorCode.DUPLICATE_TENSOR,
                    at,
                    "give this value another name; names are bound once, and later statements read them",
                    name,
                    first.definedAt.line()));
            return false;
        }
        scope.put(name, tensor);
        produced.put(tensor.name, tensor);
        return true;
    }

    /**
     * Checks one statement and returns its value (null when it failed): the chain's first layer
     * reads the source, or {@code current} when there is none.
     */
    private Tensor statement(StatementDecl statement, Tensor current, boolean first, boolean inputsOk) {
        List<LayerDecl> chain = new ArrayList<>(statement.layers());
        List<Tensor> reads = new ArrayList<>();
        boolean list = false;
        boolean resolved = true;
        if (statement.source().isPresent()) {
            SourceDecl source = statement.source().get();
            list = source.list();
            if (!list
                    && !scope.containsKey(source.refs().get(0).text())
                    && Catalog.LAYERS.containsKey(source.refs().get(0).text())) {
                // `flatten -> dense(4)`: a layer without arguments reading the previous value
                Name layer = source.refs().get(0);
                chain.add(0, new LayerDecl(layer.text(), layer.span(), List.of(), layer.span()));
                list = false;
                resolved = readCurrent(statement, current, first, inputsOk, reads);
            } else {
                for (Name ref : source.refs()) {
                    Tensor tensor = scope.get(ref.text());
                    if (tensor == null) {
                        sink.add(Diagnostic.of(
                                ErrorCode.UNDEFINED_TENSOR,
                                ref.span(),
                                undefinedHint(ref.text()),
                                ref.text(),
                                ref.span().line()));
                        resolved = false;
                    } else {
                        reads.add(tensor);
                    }
                }
            }
        } else {
            resolved = readCurrent(statement, current, first, inputsOk, reads);
        }
        Tensor value = null;
        for (int i = 0; i < chain.size(); i++) {
            LayerDecl decl = chain.get(i);
            boolean takesList = i == 0 && list;
            value = layer(decl, i == 0 ? reads : value == null ? List.of() : List.of(value), takesList, resolved);
            resolved = value != null;
        }
        if (statement.target().isPresent()) {
            Name target = statement.target().get();
            bind(
                    target.text(),
                    target.span(),
                    value != null
                            ? value
                            : new Tensor(target.text(), null, false, false, target.span(), "'" + target.text() + "'"));
        }
        return value;
    }

    /** The previous statement's value as what a chain without source reads; false when there is none. */
    private boolean readCurrent(
            StatementDecl statement, Tensor current, boolean first, boolean inputsOk, List<Tensor> reads) {
        if (current != null) {
            reads.add(current);
            return true;
        }
        if (first && inputsOk && inputs.size() > 1) {
            String names = inputs.stream().map(InputSpec::name).collect(Collectors.joining(", "));
            sink.add(Diagnostic.of(
                    ErrorCode.WHICH_INPUT,
                    statement.span(),
                    "start the statement with the input it reads, e.g. `"
                            + inputs.get(0).name() + " -> "
                            + AstPrinter.print(statement.layers().get(0)) + "`",
                    inputs.size(),
                    names));
        }
        return false;
    }

    private String undefinedHint(String name) {
        // the unnamed input is called `input`, a keyword no statement can write
        List<String> names = scope.keySet().stream()
                .filter(n -> !n.equals(InputSpec.DEFAULT_NAME))
                .toList();
        Optional<String> closest = Suggestions.closest(name, names);
        if (closest.isPresent()) {
            return "did you mean '" + closest.get() + "'?";
        }
        if (names.isEmpty()) {
            return "no name is bound before this line; name the input to read it by name, e.g. `input x "
                    + (inputs.isEmpty() ? "[8]" : dims(inputs.get(0).shape())) + "`, or bind a value first:"
                    + " `features = dense(4)`";
        }
        return "the names defined so far are: " + String.join(", ", names)
                + " (a name must be bound before the line that reads it)";
    }

    /**
     * Checks one layer reading {@code reads} ({@code takesList}: written as a bracketed list) and
     * returns its output tensor, or null when it or what it reads failed.
     */
    private Tensor layer(LayerDecl decl, List<Tensor> reads, boolean takesList, boolean readsOk) {
        LayerSpec spec = spec(decl);
        if (spec == null) {
            return null;
        }
        if (spec.isMerge() && !takesList) {
            sink.add(Diagnostic.of(
                    ErrorCode.MERGE_NEEDS_LIST,
                    decl.span(),
                    "write the tensors it merges as a list: `[a, b] -> " + AstPrinter.print(decl) + "`",
                    spec.typeName(),
                    "it is given " + (readsOk && !reads.isEmpty() ? "one tensor" : "no list")));
            return null;
        }
        if (!spec.isMerge() && takesList && reads.size() != 1) {
            sink.add(Diagnostic.of(
                    ErrorCode.SINGLE_INPUT_LAYER,
                    decl.span(),
                    "merge them first, e.g. `[a, b] -> concatenate -> " + AstPrinter.print(decl) + "`",
                    spec.typeName(),
                    reads.size()));
            return null;
        }
        if (!readsOk || reads.stream().anyMatch(t -> t == null || t.shape == null)) {
            return null;
        }
        List<Shape> shapes = reads.stream().map(t -> t.shape).toList();
        boolean fromInput = reads.stream().allMatch(t -> t.modelInput);
        LayerShape shape;
        try {
            shape = ShapeRules.apply(spec, shapes, fromInput);
        } catch (ShapeProblem problem) {
            sink.add(new Diagnostic(problem.code, decl.span(), problem.getMessage(), problem.hint));
            return null;
        }
        reads.forEach(t -> t.read = true);
        layers.add(new CheckedLayer(
                spec,
                reads.stream().map(t -> t.name).toList(),
                shapes,
                shape.output(),
                shape.params(),
                shape.derivation(),
                decl.span()));
        Tensor out = new Tensor(
                spec.name(),
                shape.output(),
                false,
                false,
                decl.span(),
                "the value of " + spec.typeName() + " '" + spec.name() + "'");
        produced.put(out.name, out);
        return out;
    }

    /** Builds a layer's spec and checks its name; null when it was rejected (already reported). */
    private LayerSpec spec(LayerDecl decl) {
        Signature signature = Catalog.LAYERS.get(decl.type());
        if (signature == null) {
            sink.add(Diagnostic.of(
                    ErrorCode.UNKNOWN_LAYER,
                    decl.typeSpan(),
                    Suggestions.hint(decl.type(), Catalog.LAYERS.keySet()),
                    decl.type()));
            return null;
        }
        Arguments args = Arguments.bind(decl.type(), decl.span(), signature, decl.arguments(), sink);
        Optional<String> explicit = args.name();
        String name = explicit.orElseGet(() -> {
            int n = counters.merge(decl.type(), 1, Integer::sum) - 1;
            return n == 0 ? decl.type() : decl.type() + "_" + n;
        });
        Span nameSpan = args.span("name");
        Span first = layerNames.putIfAbsent(name, nameSpan);
        boolean clash = first != null || inputs.stream().anyMatch(i -> i.name().equals(name));
        if (clash) {
            sink.add(Diagnostic.of(
                    ErrorCode.DUPLICATE_NAME,
                    nameSpan,
                    "give it another name= (layer and input names are unique within a model)",
                    "layer",
                    name,
                    first != null ? "at line " + first.line() : "by an input"));
            return null;
        }
        return LayerFactory.build(decl.type(), name, args);
    }

    /** Token ids go through an embedding first, and only token ids may. */
    private void checkIds() {
        for (CheckedLayer layer : layers) {
            boolean embedding = layer.spec() instanceof LayerSpec.Embedding;
            Tensor read = produced.get(layer.inputs().get(0));
            boolean idsIn = read != null && read.modelInput && read.integerIds;
            if (embedding && !idsIn) {
                boolean afterLayer = read == null || !read.modelInput;
                sink.add(Diagnostic.of(
                        ErrorCode.EMBEDDING_NEEDS_INT_INPUT,
                        layer.span(),
                        afterLayer
                                ? "put embedding first, right after the input"
                                : "declare token ids with `input " + (inputs.size() > 1 ? read.name + " " : "")
                                        + dims(read.shape) + " int`",
                        afterLayer ? "it comes after another layer" : "the input holds floats"));
            }
            for (String tensor : layer.inputs()) {
                Tensor t = produced.get(tensor);
                if (!embedding && t != null && t.modelInput && t.integerIds) {
                    sink.add(Diagnostic.of(
                            ErrorCode.INT_INPUT_NEEDS_EMBEDDING,
                            layer.span(),
                            "add e.g. `embedding(10000, 64)` as the first layer, or drop `int` for a float input"));
                }
            }
        }
        if (layers.isEmpty() && inputs.size() == 1 && inputs.get(0).integerIds()) {
            sink.add(Diagnostic.of(
                    ErrorCode.INT_INPUT_NEEDS_EMBEDDING,
                    model.inputs().get(0).span(),
                    "add e.g. `embedding(10000, 64)` as the first layer, or drop `int` for a float input"));
        }
    }

    /** Warns about inputs and values that nothing reads on the way to the output. */
    private void warnUnused() {
        for (Tensor tensor : produced.values().stream()
                .sorted((a, b) -> Integer.compare(a.definedAt.line(), b.definedAt.line()))
                .toList()) {
            if (!tensor.read) {
                sink.add(Diagnostic.of(
                        ErrorCode.UNUSED_VALUE,
                        tensor.definedAt,
                        tensor.modelInput
                                ? "read it in a statement (`" + tensor.name + " -> ...`) or remove it"
                                : "merge it into the output (e.g. `[a, b] -> concatenate`) or remove the statement",
                        capitalized(tensor.description)));
            }
        }
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private InputSpec input(InputDecl decl, String name) {
        if (decl.dims().isEmpty()) {
            sink.add(Diagnostic.of(
                    ErrorCode.RANK,
                    decl.span(),
                    "write the shape of one example, e.g. `input [128, 1]` (steps, channels)",
                    "the input",
                    "at least one dimension",
                    "[]",
                    0,
                    "min_ndim=2",
                    1));
            return null;
        }
        int[] dims = new int[decl.dims().size()];
        boolean ok = true;
        for (int i = 0; i < dims.length; i++) {
            Value value = decl.dims().get(i);
            if (value instanceof Value.NoneValue) {
                dims[i] = Shape.UNKNOWN;
            } else if (value instanceof Value.IntValue v) {
                if (v.value().compareTo(BigInteger.valueOf(Integer.MAX_VALUE)) > 0) {
                    sink.add(Diagnostic.of(
                            ErrorCode.OVERFLOW,
                            v.span(),
                            "sizes are 32-bit ints: at most " + Integer.MAX_VALUE,
                            "input dimension " + v.value(),
                            "it does not fit in an int"));
                    ok = false;
                } else if (v.value().signum() <= 0) {
                    sink.add(Diagnostic.of(
                            ErrorCode.NON_POSITIVE,
                            v.span(),
                            "use None for a length known only at run time",
                            "input dimension",
                            v.value()));
                    ok = false;
                } else {
                    dims[i] = v.value().intValue();
                }
            } else {
                sink.add(Diagnostic.of(
                        ErrorCode.WRONG_TYPE,
                        value.span(),
                        "write sizes as integers, e.g. `input [128, 1]`",
                        "input",
                        "integer sizes or None",
                        AstPrinter.print(value)));
                ok = false;
            }
        }
        if (!ok) {
            return null;
        }
        Shape shape = Shape.of(dims);
        if (shape.isFullyKnown()) {
            long size = 1;
            for (int d : dims) {
                size *= d;
                if (size > Integer.MAX_VALUE) {
                    sink.add(Diagnostic.of(
                            ErrorCode.OVERFLOW,
                            decl.span(),
                            "use smaller sizes; Lamina stores each example in one Java array",
                            "input " + shape,
                            "it has more than " + Integer.MAX_VALUE + " elements per example"));
                    return null;
                }
            }
        }
        return new InputSpec(name, shape, decl.integerIds());
    }

    private static String dims(Shape shape) {
        String text = shape.toString();
        return "[" + text.substring(1, text.length() - 1).replaceAll(",$", "") + "]";
    }
}
