package dev.lamina.compiler.check;

import dev.lamina.compiler.ast.AstPrinter;
import dev.lamina.compiler.ast.InputDecl;
import dev.lamina.compiler.ast.LayerDecl;
import dev.lamina.compiler.ast.ModelDecl;
import dev.lamina.compiler.ast.Span;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks one model: every layer's arguments, then shape inference through the stack (stopping at
 * the first layer that cannot take its input, since later shapes would be guesses), the training
 * section, and the classic loss/output mismatches as warnings.
 */
final class ModelChecker {
    private final ModelDecl model;
    private final List<Diagnostic> sink;

    private ModelChecker(ModelDecl model, List<Diagnostic> sink) {
        this.model = model;
        this.sink = sink;
    }

    /** The checked model, or empty if it has errors (all reported to {@code sink}). */
    static Optional<ModelIr> check(ModelDecl model, List<Diagnostic> sink) {
        return new ModelChecker(model, sink).run();
    }

    private Optional<ModelIr> run() {
        int before = errorCount();
        InputSpec input = input(model.input());
        List<LayerSpec> specs = layerSpecs();
        List<CheckedLayer> layers = new ArrayList<>();
        if (input != null) {
            checkIds(input);
            Shape current = input.shape();
            for (int i = 0; i < specs.size() && current != null; i++) {
                LayerSpec spec = specs.get(i);
                LayerDecl decl = model.layers().get(i);
                if (spec == null) {
                    current = null;
                    break;
                }
                try {
                    LayerShape shape = ShapeRules.apply(spec, current, i == 0);
                    layers.add(new CheckedLayer(
                            spec, current, shape.output(), shape.params(), shape.derivation(), decl.span()));
                    current = shape.output();
                } catch (ShapeProblem problem) {
                    sink.add(new Diagnostic(problem.code, decl.span(), problem.getMessage(), problem.hint));
                    current = null;
                }
            }
        }
        TrainingSpec training =
                model.train().map(t -> TrainingChecker.check(t, sink)).orElse(null);
        if (errorCount() > before) {
            return Optional.empty();
        }
        Optional<TrainingSpec> trainingSpec = Optional.ofNullable(training);
        OutputWarnings.check(layers, trainingSpec, sink);
        return Optional.of(new ModelIr(model.name(), input, layers, trainingSpec, model.span()));
    }

    private int errorCount() {
        return (int) sink.stream().filter(Diagnostic::isError).count();
    }

    private InputSpec input(InputDecl decl) {
        if (decl.dims().isEmpty()) {
            sink.add(Diagnostic.of(
                    ErrorCode.RANK,
                    decl.span(),
                    "write the shape of one example, e.g. `input [128, 1]` (steps, channels)",
                    "the input needs at least one dimension, got []"));
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
                            "input dimension " + v.value() + " does not fit in an int"));
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
                            "input " + shape + " has more than " + Integer.MAX_VALUE + " elements per example"));
                    return null;
                }
            }
        }
        return new InputSpec(shape, decl.integerIds());
    }

    /** Builds every layer's spec (null for a rejected one) and checks names. */
    private List<LayerSpec> layerSpecs() {
        Map<String, Integer> counters = new HashMap<>();
        Map<String, Span> names = new HashMap<>();
        List<LayerSpec> specs = new ArrayList<>();
        for (LayerDecl decl : model.layers()) {
            Signature signature = Catalog.LAYERS.get(decl.type());
            if (signature == null) {
                sink.add(Diagnostic.of(
                        ErrorCode.UNKNOWN_LAYER,
                        decl.typeSpan(),
                        Suggestions.hint(decl.type(), Catalog.LAYERS.keySet()),
                        decl.type()));
                specs.add(null);
                continue;
            }
            Arguments args = Arguments.bind(decl.type(), decl.span(), signature, decl.arguments(), sink);
            Optional<String> explicit = args.name();
            String name = explicit.orElseGet(() -> {
                int n = counters.merge(decl.type(), 1, Integer::sum) - 1;
                return n == 0 ? decl.type() : decl.type() + "_" + n;
            });
            Span nameSpan = args.span("name");
            Span first = names.putIfAbsent(name, nameSpan);
            if (first != null) {
                sink.add(Diagnostic.of(
                        ErrorCode.DUPLICATE_NAME,
                        nameSpan,
                        "give it another name= (layer names are unique within a model)",
                        "layer name '" + name + "' is already used at line " + first.line()));
            }
            specs.add(LayerFactory.build(decl.type(), name, args));
        }
        return specs;
    }

    /** Token ids must go through an embedding first, and only token ids may. */
    private void checkIds(InputSpec input) {
        for (int i = 0; i < model.layers().size(); i++) {
            LayerDecl decl = model.layers().get(i);
            if (decl.type().equals("embedding") && (i > 0 || !input.integerIds())) {
                sink.add(Diagnostic.of(
                        ErrorCode.EMBEDDING_NEEDS_INT_INPUT,
                        decl.span(),
                        i > 0
                                ? "put embedding first, right after the input"
                                : "declare token ids with `input " + dims(input.shape()) + " int`",
                        "embedding looks up integer token ids, but "
                                + (i > 0 ? "it comes after another layer" : "the input holds floats")));
            }
        }
        if (input.integerIds()
                && (model.layers().isEmpty() || !model.layers().get(0).type().equals("embedding"))) {
            Span span = model.layers().isEmpty()
                    ? model.input().span()
                    : model.layers().get(0).span();
            sink.add(Diagnostic.of(
                    ErrorCode.INT_INPUT_NEEDS_EMBEDDING,
                    span,
                    "add e.g. `embedding(10000, 64)` as the first layer, or drop `int` for a float input",
                    "an int input holds token ids, which only an embedding layer can take first"));
        }
    }

    private static String dims(Shape shape) {
        String text = shape.toString();
        return "[" + text.substring(1, text.length() - 1).replaceAll(",$", "") + "]";
    }
}
