package dev.lamina.keras;

import java.util.List;
import java.util.Objects;

/**
 * A Keras model as a graph of layer calls: its inputs, and each computing layer with the tensors it
 * reads, in an order where every call reads only inputs and earlier calls and the output's call
 * comes last. Tensors are named by Keras: an input by its InputLayer's name, a call's output by its
 * layer's name.
 *
 * @param inputs the model's inputs in Keras's {@code input_layers} order
 * @param nodes the layer calls in dependency order, the output's last
 */
record KerasGraph(List<KerasModel.Input> inputs, List<Node> nodes) {
    KerasGraph {
        inputs = List.copyOf(inputs);
        nodes = List.copyOf(nodes);
    }

    /** One layer call: the layer and the tensors it reads, in order (one, or a merge's list). */
    record Node(LayerConfig layer, List<String> sources) {
        Node {
            Objects.requireNonNull(layer, "layer");
            sources = List.copyOf(sources);
        }
    }
}
