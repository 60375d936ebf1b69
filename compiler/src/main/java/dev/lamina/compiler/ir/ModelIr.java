package dev.lamina.compiler.ir;

import dev.lamina.compiler.ast.Span;
import dev.lamina.runtime.spec.InputSpec;
import dev.lamina.runtime.spec.TrainingSpec;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A model whose every layer passed the checker. */
public record ModelIr(
        String name, InputSpec input, List<CheckedLayer> layers, Optional<TrainingSpec> training, Span span) {
    public ModelIr {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(input, "input");
        layers = List.copyOf(layers);
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(span, "span");
    }

    public long totalParams() {
        return layers.stream().mapToLong(CheckedLayer::params).sum();
    }
}
