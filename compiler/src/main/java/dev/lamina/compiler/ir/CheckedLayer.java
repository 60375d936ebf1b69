package dev.lamina.compiler.ir;

import dev.lamina.compiler.ast.Span;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.Shape;
import java.util.List;
import java.util.Objects;

/**
 * One layer after checking: its resolved options ({@code spec}, Keras defaults filled in), input
 * and output shapes per example, parameter count, how those were derived, and its source span.
 */
public record CheckedLayer(LayerSpec spec, Shape input, Shape output, long params, List<String> derivation, Span span) {
    public CheckedLayer {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(input, "input");
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
}
