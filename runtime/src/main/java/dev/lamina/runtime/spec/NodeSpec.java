package dev.lamina.runtime.spec;

import java.util.List;
import java.util.Objects;

/**
 * One node of a model graph: a layer and the tensors it reads, each the name of a model input or
 * of an earlier node's layer (a node's output tensor is named after its layer).
 */
public record NodeSpec(LayerSpec layer, List<String> inputs) {
    public NodeSpec {
        Objects.requireNonNull(layer, "layer");
        inputs = List.copyOf(inputs);
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("node " + layer.name() + " reads no tensor");
        }
    }

    /** The name of the node's output tensor: its layer's name. */
    public String name() {
        return layer.name();
    }
}
