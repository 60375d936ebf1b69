package dev.lamina.compiler.ir;

import dev.lamina.compiler.ast.Span;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.Shape;
import java.util.List;
import java.util.Objects;

/**
 * One node of the graph after checking: its layer with resolved options ({@code spec}, Keras
 * defaults filled in), the tensors it reads (model inputs or earlier layers, by name) and their
 * shapes per example, its output shape, parameter count, how those were derived, and its source
 * span. Engines never derive shapes again: they read them here (or from the lowered spec).
 */
public record CheckedLayer(
        LayerSpec spec,
        List<String> inputs,
        List<Shape> inputShapes,
        Shape output,
        long params,
        List<String> derivation,
        Span span) {
    public CheckedLayer {
        Objects.requireNonNull(spec, "spec");
        inputs = List.copyOf(inputs);
        inputShapes = List.copyOf(inputShapes);
        if (inputs.size() != inputShapes.size() || inputs.isEmpty()) {
            throw new IllegalArgumentException(
                    spec.name() + ": " + inputs.size() + " inputs with " + inputShapes.size() + " shapes");
        }
        Objects.requireNonNull(output, "output");
        derivation = List.copyOf(derivation);
        Objects.requireNonNull(span, "span");
    }

    public String name() {
        return spec.name();
    }

    /** The Keras type name, e.g. {@code conv1d}. */
    public String type() {
        return spec.typeName();
    }

    /** The input shapes as written in explanations: {@code (128, 1)}, or {@code [(4, 8), (4, 8)]} for a merge. */
    public String inputText() {
        return inputShapes.size() == 1 && !spec.isMerge()
                ? inputShapes.get(0).toString()
                : inputShapes.stream().map(Shape::toString).toList().toString();
    }
}
