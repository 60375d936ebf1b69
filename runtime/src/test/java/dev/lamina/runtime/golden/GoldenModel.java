package dev.lamina.runtime.golden;

import dev.lamina.runtime.spec.InputSpec;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.ModelSpec;
import dev.lamina.runtime.spec.NodeSpec;
import dev.lamina.runtime.spec.TrainingSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A golden model as written in its file, not yet validated (shape tables hold models the checker
 * must reject): inputs, layers with the tensors each names (empty: the previous layer, or the one
 * input for the first), and the output (empty: the last layer).
 */
public record GoldenModel(
        String name,
        List<InputSpec> inputs,
        List<Layer> layers,
        Optional<String> output,
        Optional<TrainingSpec> training) {
    public GoldenModel {
        inputs = List.copyOf(inputs);
        layers = List.copyOf(layers);
    }

    /** One layer and the tensors it names; {@code inputs} empty when the file gives none. */
    public record Layer(LayerSpec spec, List<String> inputs) {
        public Layer {
            inputs = List.copyOf(inputs);
        }
    }

    /** Whether the file describes a golden-v1 model (one unnamed input, a plain stack). */
    public boolean isSequential() {
        return inputs.size() == 1
                && output.isEmpty()
                && layers.stream().allMatch(l -> l.inputs().isEmpty());
    }

    /** The runtime spec; throws like {@link ModelSpec} for a model the checker rejects. */
    public ModelSpec spec() {
        List<NodeSpec> nodes = new ArrayList<>();
        String previous = inputs.size() == 1 ? inputs.get(0).name() : null;
        for (Layer layer : layers) {
            List<String> reads = layer.inputs().isEmpty() && previous != null ? List.of(previous) : layer.inputs();
            nodes.add(new NodeSpec(layer.spec(), reads));
            previous = layer.spec().name();
        }
        String out = output.orElse(previous == null ? inputs.get(0).name() : previous);
        return new ModelSpec(name, inputs, nodes, out, training);
    }
}
