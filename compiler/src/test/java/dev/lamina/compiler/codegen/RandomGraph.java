package dev.lamina.compiler.codegen;

import dev.lamina.runtime.spec.Activation;
import dev.lamina.runtime.spec.InputSpec;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.LossKind;
import dev.lamina.runtime.spec.MergeKind;
import dev.lamina.runtime.spec.ModelSpec;
import dev.lamina.runtime.spec.NodeSpec;
import dev.lamina.runtime.spec.OptimizerSpec;
import dev.lamina.runtime.spec.Padding;
import dev.lamina.runtime.spec.PoolKind;
import dev.lamina.runtime.spec.Shape;
import dev.lamina.runtime.spec.TrainingSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * A small random valid model graph with its training setup and data, built deterministically from
 * genes like {@link RandomStack}: one to three inputs (sequences of one length, or vectors), then
 * operations that each read earlier tensors: a layer of {@link RandomStack} on one tensor, an
 * element-wise merge of tensors of one shape (the same tensor may fill several slots), a gate of
 * shape (1, channels) broadcast over a sequence, or a concatenation on the steps or the last axis.
 * Every tensor nothing reads is pooled and concatenated into the output, so every node reaches it
 * and tensors read several times get summed gradients.
 */
record RandomGraph(ModelSpec spec, int batch, long dataSeed) implements DifferentialModel {
    private static final Activation[] GATES = {Activation.SIGMOID, Activation.TANH, Activation.LINEAR};

    /** Random graphs within {@code limits}. */
    static Arbitrary<RandomGraph> arbitrary(RandomStack.Limits limits) {
        Arbitrary<Integer> gene = Arbitraries.integers().between(0, 999);
        return Combinators.combine(
                        gene.list().ofSize(5),
                        gene.list().ofSize(6).list().ofMinSize(1).ofMaxSize(6),
                        gene.list().ofSize(4),
                        Arbitraries.longs())
                .as((inputs, operations, training, seed) -> build(inputs, operations, training, seed, limits));
    }

    /** A tensor being built: its name and per-example shape, and whether a node reads it. */
    private static final class Tensor {
        final String name;
        final Shape shape;
        boolean read;

        Tensor(String name, Shape shape) {
            this.name = name;
            this.shape = shape;
        }
    }

    /** The graph under construction. */
    private static final class Builder {
        final RandomStack.Limits limits;
        final List<InputSpec> inputs = new ArrayList<>();
        final List<NodeSpec> nodes = new ArrayList<>();
        final List<Tensor> tensors = new ArrayList<>();

        Builder(RandomStack.Limits limits) {
            this.limits = limits;
        }

        Tensor add(LayerSpec layer, Tensor... reads) {
            List<Shape> shapes = new ArrayList<>();
            for (Tensor t : reads) {
                shapes.add(t.shape);
            }
            Shape out;
            try {
                out = layer.outputShape(shapes);
            } catch (IllegalArgumentException e) {
                return null;
            }
            if (!out.isFullyKnown() || out.size() > limits.maxSize()) {
                return null;
            }
            List<String> names = new ArrayList<>();
            for (Tensor t : reads) {
                t.read = true;
                names.add(t.name);
            }
            nodes.add(new NodeSpec(layer, names));
            Tensor tensor = new Tensor(layer.name(), out);
            tensors.add(tensor);
            return tensor;
        }

        String name() {
            return "n" + nodes.size();
        }

        List<Tensor> withShape(Shape shape) {
            return tensors.stream().filter(t -> t.shape.equals(shape)).toList();
        }
    }

    /**
     * Builds a graph. {@code inputs}: 5 genes (count, steps, three input kinds and sizes); {@code
     * operations}: 6 genes each; {@code training}: 4 genes (loss, optimizer, rate, batch).
     */
    static RandomGraph build(
            List<Integer> inputs,
            List<List<Integer>> operations,
            List<Integer> training,
            long dataSeed,
            RandomStack.Limits limits) {
        Builder b = new Builder(limits);
        int count = 1 + inputs.get(0) % 3;
        int steps = 2 + inputs.get(1) % (limits.steps() - 1);
        for (int i = 0; i < count; i++) {
            int gene = inputs.get(2 + i);
            Shape shape = gene % 3 == 0
                    ? Shape.of(1 + (gene / 3) % limits.features())
                    : Shape.of(steps, 1 + (gene / 3) % limits.channels());
            b.inputs.add(new InputSpec("in" + i, shape, false));
            b.tensors.add(new Tensor("in" + i, shape));
        }
        for (List<Integer> g : operations) {
            Tensor t = b.tensors.get(g.get(1) % b.tensors.size());
            switch (g.get(0) % 5) {
                case 0 -> {
                    LayerSpec layer = RandomStack.layer(b.name(), rotate(g), t.shape, limits);
                    if (layer != null) {
                        b.add(layer, t);
                    }
                }
                case 1 -> {
                    List<Tensor> same = b.withShape(t.shape);
                    MergeKind kind = MergeKind.values()[g.get(2) % MergeKind.values().length];
                    Tensor second = same.get(g.get(3) % same.size());
                    if (kind != MergeKind.SUBTRACT && g.get(4) % 3 == 0) {
                        b.add(new LayerSpec.Merge(b.name(), kind), t, second, same.get(g.get(5) % same.size()));
                    } else {
                        b.add(new LayerSpec.Merge(b.name(), kind), t, second);
                    }
                }
                case 2 -> gate(b, t, g);
                case 3 -> normalizedBlock(b, t, g);
                default -> concatenate(b, t, g);
            }
        }
        List<Tensor> dangling = new ArrayList<>();
        for (Tensor t : List.copyOf(b.tensors)) {
            if (!t.read) {
                dangling.add(t.shape.rank() == 1 ? t : b.add(pooling(b.name(), t), t));
            }
        }
        Tensor last = dangling.size() == 1
                ? dangling.get(0)
                : b.add(new LayerSpec.Concatenate(b.name(), -1), dangling.toArray(new Tensor[0]));
        int outputs = 1 + training.get(3) % 3;
        LossKind loss = LossKind.values()[training.get(0) % LossKind.values().length];
        Activation head =
                switch (loss) {
                    case BINARY_CROSSENTROPY -> Activation.SIGMOID;
                    case CATEGORICAL_CROSSENTROPY, SPARSE_CATEGORICAL_CROSSENTROPY -> Activation.SOFTMAX;
                    default -> Activation.TANH;
                };
        double delta = loss == LossKind.HUBER ? 0.5 * (1 + training.get(0) / LossKind.values().length % 3) : 1.0;
        Tensor output =
                b.add(new LayerSpec.Dense("head", outputs + (head == Activation.SOFTMAX ? 1 : 0), true, head), last);
        OptimizerSpec optimizer = RandomStack.optimizer(training.get(1), training.get(2));
        ModelSpec spec = new ModelSpec(
                "graph", b.inputs, b.nodes, output.name, Optional.of(new TrainingSpec(loss, optimizer, delta)));
        return new RandomGraph(spec, 1 + training.get(3) % 3, dataSeed);
    }

    /**
     * A linear conv1d (on a sequence) or dense, then a batch normalization and often an activation
     * layer: the block generated code folds for inference.
     */
    private static void normalizedBlock(Builder b, Tensor t, List<Integer> g) {
        int width = 1 + g.get(2) % b.limits.filters();
        LayerSpec linear = t.shape.rank() == 2
                ? new LayerSpec.Conv1D(
                        b.name(),
                        width,
                        1 + g.get(3) % b.limits.kernel(),
                        1,
                        Padding.SAME,
                        1,
                        g.get(4) % 2 == 0,
                        Activation.LINEAR)
                : new LayerSpec.Dense(b.name(), width, g.get(4) % 2 == 0, Activation.LINEAR);
        Tensor z = b.add(linear, t);
        if (z == null) {
            return;
        }
        Tensor normalized = b.add(RandomStack.batchNormalization(b.name(), rotate(g)), z);
        if (g.get(5) % 3 != 0) {
            Activation[] activations = Activation.values();
            Activation activation = activations[g.get(5) % activations.length];
            b.add(
                    new LayerSpec.ActivationLayer(
                            b.name(), activation == Activation.SOFTMAX ? Activation.RELU : activation),
                    normalized);
        }
    }

    private static List<Integer> rotate(List<Integer> g) {
        List<Integer> rotated = new ArrayList<>(g.subList(2, g.size()));
        rotated.addAll(g.subList(0, 2));
        return rotated;
    }

    /** A squeeze-and-excitation style gate: (1, channels) from a vector, broadcast over a sequence. */
    private static void gate(Builder b, Tensor t, List<Integer> g) {
        if (t.shape.rank() != 2) {
            return;
        }
        int channels = t.shape.dim(1);
        List<Tensor> vectors =
                b.tensors.stream().filter(v -> v.shape.rank() == 1).toList();
        Tensor source = vectors.isEmpty() || g.get(2) % 2 == 0
                ? b.add(new LayerSpec.GlobalPooling1D(b.name(), PoolKind.values()[g.get(3) % 2]), t)
                : vectors.get(g.get(3) % vectors.size());
        Tensor dense = b.add(new LayerSpec.Dense(b.name(), channels, true, GATES[g.get(4) % GATES.length]), source);
        Tensor row = b.add(new LayerSpec.Reshape(b.name(), List.of(1, channels)), dense);
        MergeKind kind =
                List.of(MergeKind.MULTIPLY, MergeKind.ADD, MergeKind.MAXIMUM).get(g.get(5) % 3);
        if (g.get(5) % 2 == 0) {
            b.add(new LayerSpec.Merge(b.name(), kind), t, row);
        } else {
            b.add(new LayerSpec.Merge(b.name(), kind), row, t);
        }
    }

    /** Joins {@code t} with tensors that fit: on the last axis, or on the steps of equal-width sequences. */
    private static void concatenate(Builder b, Tensor t, List<Integer> g) {
        boolean onSteps = t.shape.rank() == 2 && g.get(2) % 2 == 0;
        List<Tensor> fits = b.tensors.stream()
                .filter(o -> o.shape.rank() == t.shape.rank()
                        && (t.shape.rank() == 1
                                || (onSteps ? o.shape.dim(1) == t.shape.dim(1) : o.shape.dim(0) == t.shape.dim(0))))
                .toList();
        Tensor other = fits.get(g.get(3) % fits.size());
        b.add(new LayerSpec.Concatenate(b.name(), onSteps ? 1 : -1), t, other);
    }

    private static LayerSpec pooling(String name, Tensor t) {
        return t.shape.size() <= 16
                ? new LayerSpec.Flatten(name)
                : new LayerSpec.GlobalPooling1D(name, PoolKind.AVERAGE);
    }

    /** The graph one node a line, for shrinking reports. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (InputSpec input : spec.inputs()) {
            text.append("\n  input ").append(input.name()).append(' ').append(input.shape());
        }
        for (NodeSpec node : spec.nodes()) {
            text.append("\n  ").append(node.inputs()).append(" -> ").append(node.layer());
        }
        return text.append("\n  loss ")
                .append(training().loss().kerasName())
                .append(", optimizer ")
                .append(training().optimizer())
                .append(", batch ")
                .append(batch)
                .append('\n')
                .toString();
    }
}
