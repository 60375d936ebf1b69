package dev.lamina.compiler.ir;

import dev.lamina.compiler.ast.Span;
import dev.lamina.runtime.spec.InputSpec;
import dev.lamina.runtime.spec.TrainingSpec;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A model whose every node passed the checker: a graph of named inputs and layer nodes in
 * topological order (each reads only inputs and earlier nodes), the name of the output tensor, and
 * the training section. A sequential model is the chain case; there is no other form.
 */
public record ModelIr(
        String name,
        List<InputSpec> inputs,
        List<CheckedLayer> layers,
        String output,
        Optional<TrainingSpec> training,
        Span span) {
    public ModelIr {
        Objects.requireNonNull(name, "name");
        inputs = List.copyOf(inputs);
        layers = List.copyOf(layers);
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(span, "span");
    }

    public long totalParams() {
        return layers.stream().mapToLong(CheckedLayer::params).sum();
    }
}
