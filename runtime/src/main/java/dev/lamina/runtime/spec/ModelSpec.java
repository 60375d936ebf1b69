package dev.lamina.runtime.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A checked model in the form the runtime executes: the input, the layer stack and an optional
 * training section. The compiler lowers its IR to this; the interpreter runs it and generated
 * classes are specialized from it.
 */
public record ModelSpec(String name, InputSpec input, List<LayerSpec> layers, Optional<TrainingSpec> training) {
    public ModelSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(input, "input");
        layers = List.copyOf(layers);
        Objects.requireNonNull(training, "training");
    }

    /** The input shape of every layer followed by the model's output shape (size layers + 1). */
    public List<Shape> shapes() {
        List<Shape> shapes = new ArrayList<>(layers.size() + 1);
        Shape current = input.shape();
        shapes.add(current);
        for (LayerSpec layer : layers) {
            current = layer.outputShape(current);
            shapes.add(current);
        }
        return List.copyOf(shapes);
    }

    /** The per-example output shape. */
    public Shape outputShape() {
        List<Shape> shapes = shapes();
        return shapes.get(shapes.size() - 1);
    }

    /** Total number of trainable parameters. */
    public long parameterCount() {
        List<Shape> shapes = shapes();
        long total = 0;
        for (int i = 0; i < layers.size(); i++) {
            total += layers.get(i).parameterCount(shapes.get(i));
        }
        return total;
    }
}
