package dev.lamina.runtime.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A checked model in the form every engine runs: a directed acyclic graph of named inputs and
 * layer nodes in topological order, the tensor that is the model's output, and an optional
 * training section. A sequential model is the chain case. Tensors are named after the input or the
 * layer that produces them; they are numbered inputs first ({@code 0..inputs-1}), then nodes.
 *
 * <p>Shapes are resolved once, here, when the spec is built (each layer's rule in {@link
 * LayerSpec}); engines read them with {@link #inputShapes(int)} and {@link #outputShape(int)}. An
 * invalid graph (an unknown or later tensor, a duplicate name, a layer that cannot take its inputs)
 * is refused with an {@link IllegalArgumentException}.
 */
public final class ModelSpec {
    private final String name;
    private final List<InputSpec> inputs;
    private final List<NodeSpec> nodes;
    private final String output;
    private final Optional<TrainingSpec> training;
    private final Map<String, Integer> tensors = new HashMap<>();
    private final List<Shape> tensorShapes;
    private final int[][] nodeInputs;
    private final long[] parameterCounts;
    private final boolean[] reachesOutput;
    private final long[] nonTrainableCounts;

    public ModelSpec(
            String name, List<InputSpec> inputs, List<NodeSpec> nodes, String output, Optional<TrainingSpec> training) {
        this.name = Objects.requireNonNull(name, "name");
        this.inputs = List.copyOf(inputs);
        this.nodes = List.copyOf(nodes);
        this.output = Objects.requireNonNull(output, "output");
        this.training = Objects.requireNonNull(training, "training");
        if (this.inputs.isEmpty()) {
            throw new IllegalArgumentException("model " + name + " has no input");
        }
        List<Shape> shapes = new ArrayList<>();
        for (InputSpec input : this.inputs) {
            define(input.name());
            shapes.add(input.shape());
        }
        nodeInputs = new int[this.nodes.size()][];
        parameterCounts = new long[this.nodes.size()];
        nonTrainableCounts = new long[this.nodes.size()];
        for (int n = 0; n < this.nodes.size(); n++) {
            NodeSpec node = this.nodes.get(n);
            nodeInputs[n] = new int[node.inputs().size()];
            List<Shape> in = new ArrayList<>();
            for (int i = 0; i < node.inputs().size(); i++) {
                Integer tensor = tensors.get(node.inputs().get(i));
                if (tensor == null) {
                    throw new IllegalArgumentException("node " + node.name() + " reads '"
                            + node.inputs().get(i) + "', which is no input or earlier node of model " + name);
                }
                nodeInputs[n][i] = tensor;
                in.add(shapes.get(tensor));
            }
            shapes.add(node.layer().outputShape(in));
            parameterCounts[n] = node.layer().parameterCount(in);
            nonTrainableCounts[n] = node.layer().nonTrainableParameterCount(in);
            define(node.name());
        }
        if (!tensors.containsKey(output)) {
            throw new IllegalArgumentException("the output '" + output + "' of model " + name + " is no tensor");
        }
        tensorShapes = List.copyOf(shapes);
        boolean[] needed = new boolean[shapes.size()];
        needed[tensors.get(output)] = true;
        reachesOutput = new boolean[this.nodes.size()];
        for (int n = this.nodes.size() - 1; n >= 0; n--) {
            if (needed[tensorOfNode(n)]) {
                reachesOutput[n] = true;
                for (int t : nodeInputs[n]) {
                    needed[t] = true;
                }
            }
        }
    }

    /** A chain: each layer reads the previous one's output (the first reads {@code input}). */
    public static ModelSpec sequential(
            String name, InputSpec input, List<LayerSpec> layers, Optional<TrainingSpec> training) {
        List<NodeSpec> nodes = new ArrayList<>();
        String previous = input.name();
        for (LayerSpec layer : layers) {
            nodes.add(new NodeSpec(layer, List.of(previous)));
            previous = layer.name();
        }
        return new ModelSpec(name, List.of(input), nodes, previous, training);
    }

    private void define(String tensor) {
        if (tensors.putIfAbsent(tensor, tensors.size()) != null) {
            throw new IllegalArgumentException("model " + name + " names two tensors '" + tensor + "'");
        }
    }

    public String name() {
        return name;
    }

    /** The model's inputs in declaration order. */
    public List<InputSpec> inputs() {
        return inputs;
    }

    /** The nodes in topological order: each reads only inputs and earlier nodes. */
    public List<NodeSpec> nodes() {
        return nodes;
    }

    /** The name of the tensor that is the model's output. */
    public String output() {
        return output;
    }

    public Optional<TrainingSpec> training() {
        return training;
    }

    /** The layers of the nodes, in node order. */
    public List<LayerSpec> layers() {
        return nodes.stream().map(NodeSpec::layer).toList();
    }

    /** Number of tensors: every input, then every node. */
    public int tensorCount() {
        return tensorShapes.size();
    }

    /** The number of tensor {@code name} (inputs first, then nodes). */
    public int tensor(String tensorName) {
        Integer index = tensors.get(tensorName);
        if (index == null) {
            throw new IllegalArgumentException("model " + name + " has no tensor '" + tensorName + "'");
        }
        return index;
    }

    /** The tensor that node {@code node} writes. */
    public int tensorOfNode(int node) {
        return inputs.size() + node;
    }

    /** The tensors node {@code node} reads, in order. */
    public int[] nodeInputs(int node) {
        return nodeInputs[node].clone();
    }

    /** The per-example shape of tensor {@code tensor}. */
    public Shape tensorShape(int tensor) {
        return tensorShapes.get(tensor);
    }

    /** The per-example shapes of the inputs of node {@code node}, in order. */
    public List<Shape> inputShapes(int node) {
        List<Shape> shapes = new ArrayList<>(nodeInputs[node].length);
        for (int tensor : nodeInputs[node]) {
            shapes.add(tensorShapes.get(tensor));
        }
        return Collections.unmodifiableList(shapes);
    }

    /** The per-example output shape of node {@code node}. */
    public Shape outputShape(int node) {
        return tensorShapes.get(inputs.size() + node);
    }

    /** The per-example shape of the model's output. */
    public Shape outputShape() {
        return tensorShapes.get(tensor(output));
    }

    /** The number of parameters of node {@code node}'s layer, trainable or not. */
    public long parameterCount(int node) {
        return parameterCounts[node];
    }

    /** Total number of parameters, trainable or not (Keras's "Total params"). */
    public long parameterCount() {
        long total = 0;
        for (long count : parameterCounts) {
            total += count;
        }
        return total;
    }

    /** The number of non-trainable parameters of node {@code node}'s layer (moving statistics). */
    public long nonTrainableParameterCount(int node) {
        return nonTrainableCounts[node];
    }

    /** Total number of non-trainable parameters (Keras's "Non-trainable params"). */
    public long nonTrainableParameterCount() {
        long total = 0;
        for (long count : nonTrainableCounts) {
            total += count;
        }
        return total;
    }

    /** The nodes reading tensor {@code tensor}, each once per input slot it reads it in (node, slot). */
    public List<int[]> consumers(int tensor) {
        List<int[]> consumers = new ArrayList<>();
        for (int n = 0; n < nodeInputs.length; n++) {
            for (int slot = 0; slot < nodeInputs[n].length; slot++) {
                if (nodeInputs[n][slot] == tensor) {
                    consumers.add(new int[] {n, slot});
                }
            }
        }
        return consumers;
    }

    /** Whether node {@code node} lies on a path to the output (others get no gradient). */
    public boolean reachesOutput(int node) {
        return reachesOutput[node];
    }

    /**
     * The readers of tensor {@code tensor} on a path to the output, in node and slot order: where
     * d(loss)/d(tensor) comes from, summed in this order by every engine.
     */
    public List<int[]> readers(int tensor) {
        return consumers(tensor).stream().filter(r -> reachesOutput[r[0]]).toList();
    }

    /**
     * Whether the model is a plain stack: one input, each node reading the previous tensor, the
     * last node (or the input) the output.
     */
    public boolean isChain() {
        for (int n = 0; n < nodeInputs.length; n++) {
            if (nodeInputs[n].length != 1 || nodeInputs[n][0] != n) {
                return false;
            }
        }
        return inputs.size() == 1 && tensor(output) == tensorCount() - 1;
    }

    /**
     * Every tensor's shape for concrete input shapes (lengths known only at run time filled in), by
     * the same layer rules as the declared shapes.
     */
    public List<Shape> tensorShapesFor(List<Shape> inputShapes) {
        if (inputShapes.size() != inputs.size()) {
            throw new IllegalArgumentException(
                    "model " + name + " has " + inputs.size() + " inputs, got " + inputShapes.size() + " shapes");
        }
        List<Shape> shapes = new ArrayList<>(inputShapes);
        for (int n = 0; n < nodes.size(); n++) {
            List<Shape> in = new ArrayList<>(nodeInputs[n].length);
            for (int tensor : nodeInputs[n]) {
                in.add(shapes.get(tensor));
            }
            shapes.add(nodes.get(n).layer().outputShape(in));
        }
        return shapes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelSpec m
                && name.equals(m.name)
                && inputs.equals(m.inputs)
                && nodes.equals(m.nodes)
                && output.equals(m.output)
                && training.equals(m.training);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, inputs, nodes, output, training);
    }

    @Override
    public String toString() {
        return "ModelSpec[name=" + name + ", inputs=" + inputs + ", nodes=" + nodes + ", output=" + output
                + ", training=" + training + "]";
    }
}
