package dev.lamina.compiler.codegen;

import dev.lamina.runtime.spec.Activation;
import dev.lamina.runtime.spec.DataFormat;
import dev.lamina.runtime.spec.InputSpec;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.LossKind;
import dev.lamina.runtime.spec.ModelSpec;
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
 * A small random valid model with its training setup and data, built deterministically from
 * "genes" (small non-negative integers) so that a property-based test shrinks a failing stack to a
 * simpler one: fewer layers, smaller sizes, earlier choices. Each gene picks an option by modulo;
 * a layer that would not fit its input (a window longer than the steps, a shape too large) is left
 * out, so every gene list gives a valid model. Conv and pooling layers take either data format.
 */
record RandomStack(ModelSpec spec, int batch, long dataSeed) implements DifferentialModel {
    /**
     * Size limits of a stack: input steps, channels and features; conv filters and kernel size;
     * dense units; values per layer output above which a layer is left out (to keep each try fast).
     */
    record Limits(int steps, int channels, int features, int filters, int kernel, int units, int maxSize) {}

    /** Small stacks (at most 16 steps of 8 channels), the default. */
    static final Limits SMALL = new Limits(16, 8, 12, 8, 4, 6, 384);

    /**
     * Wide stacks (up to 40 steps, channels, filters and units) whose layers fill whole vectors and
     * leave every kind of tail (8 and 4 lanes, scalars) for the vector backend.
     */
    static final Limits WIDE = new Limits(40, 40, 40, 40, 5, 40, 1600);

    /** Epsilon of Adam and RMSProp (see {@link #optimizer}). */
    private static final double ADAPTIVE_EPSILON = 1e-3;

    /**
     * Epsilons of the normalizations. They divide by {@code sqrt(var + epsilon)}: with a batch whose
     * values nearly agree, Keras's 1e-3 turns a difference of one rounding error between the
     * engines' inputs into one 30 times larger after normalizing; from 0.1 on it is at most 3 times
     * larger. Both engines run the same runtime arithmetic for the normalization itself, and the
     * reference suite covers Keras's defaults.
     */
    private static final double[] NORMALIZATION_EPSILONS = {0.1, 0.5, 1.0};

    private static final double[] MOMENTUMS = {0.0, 0.5, 0.99};

    private static final Padding[] CONV_PADDINGS = {Padding.VALID, Padding.SAME, Padding.CAUSAL};
    private static final Padding[] POOL_PADDINGS = {Padding.VALID, Padding.SAME};

    /** Random stacks: genes for the input, one to four layers, the training section, and a data seed. */
    static Arbitrary<RandomStack> arbitrary() {
        return arbitrary(SMALL);
    }

    /** Random stacks within {@code limits}. */
    static Arbitrary<RandomStack> arbitrary(Limits limits) {
        Arbitrary<Integer> gene = Arbitraries.integers().between(0, 999);
        return Combinators.combine(
                        gene.list().ofSize(4),
                        gene.list().ofSize(6).list().ofMinSize(1).ofMaxSize(4),
                        gene.list().ofSize(4),
                        Arbitraries.longs())
                .as((input, layers, training, seed) -> build(input, layers, training, seed, limits));
    }

    /**
     * Builds a stack. {@code input}: 4 genes (kind, steps or features, channels, vocabulary);
     * {@code layers}: 6 genes per layer; {@code training}: 4 genes (loss, optimizer, rate, batch).
     */
    static RandomStack build(
            List<Integer> input, List<List<Integer>> layers, List<Integer> training, long dataSeed, Limits limits) {
        List<LayerSpec> stack = new ArrayList<>();
        InputSpec inputSpec;
        int kind = input.get(0) % 3;
        if (kind == 0) {
            inputSpec = new InputSpec(
                    Shape.of(1 + input.get(1) % limits.steps(), 1 + input.get(2) % limits.channels()), false);
        } else if (kind == 1) {
            inputSpec = new InputSpec(Shape.of(1 + input.get(1) % limits.features()), false);
        } else {
            inputSpec = new InputSpec(Shape.of(1 + input.get(1) % 10), true);
            stack.add(new LayerSpec.Embedding("embedding", 2 + input.get(3) % 12, 1 + input.get(2) % 6));
        }
        Shape shape = outputOf(inputSpec, stack);
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec layer = layer("layer" + i, layers.get(i), shape, limits);
            if (layer == null) {
                continue;
            }
            stack.add(layer);
            Shape next = fits(inputSpec, stack, limits.maxSize());
            if (next == null) {
                stack.remove(stack.size() - 1);
            } else {
                shape = next;
            }
        }
        LossKind loss = LossKind.values()[training.get(0) % LossKind.values().length];
        double delta = loss == LossKind.HUBER ? 0.5 * (1 + training.get(0) / LossKind.values().length % 3) : 1.0;
        switch (loss) {
            case BINARY_CROSSENTROPY -> stack.add(new LayerSpec.ActivationLayer("head", Activation.SIGMOID));
            case CATEGORICAL_CROSSENTROPY, SPARSE_CATEGORICAL_CROSSENTROPY -> stack.add(
                    new LayerSpec.ActivationLayer("head", Activation.SOFTMAX));
            default -> {
                if (stack.isEmpty()) {
                    stack.add(new LayerSpec.ActivationLayer("head", Activation.TANH));
                }
            }
        }
        OptimizerSpec optimizer = optimizer(training.get(1), training.get(2));
        ModelSpec spec = ModelSpec.sequential(
                "differential", inputSpec, stack, Optional.of(new TrainingSpec(loss, optimizer, delta)));
        return new RandomStack(spec, 1 + training.get(3) % 3, dataSeed);
    }

    static LayerSpec layer(String name, List<Integer> g, Shape in, Limits limits) {
        if (in.rank() == 2) {
            int channels = in.dim(1);
            // a third of the conv and pooling layers read (channels, steps)
            DataFormat format = g.get(0) / 17 % 3 == 0 ? DataFormat.CHANNELS_FIRST : DataFormat.CHANNELS_LAST;
            return switch (g.get(0) % 17) {
                case 0, 1, 2 -> conv(name, g, limits, format);
                case 3 -> new LayerSpec.Pooling1D(
                        name,
                        PoolKind.values()[g.get(1) % 2],
                        1 + g.get(2) % 3,
                        1 + g.get(3) % 3,
                        POOL_PADDINGS[g.get(4) % 2],
                        format);
                case 4 -> new LayerSpec.GlobalPooling1D(name, PoolKind.values()[g.get(1) % 2], format);
                case 5 -> new LayerSpec.Flatten(name);
                case 6 -> dense(name, g, limits);
                case 7 -> new LayerSpec.ActivationLayer(name, activation(g.get(1)));
                case 8 -> new LayerSpec.Dropout(name, 0.1 * (1 + g.get(1) % 5));
                case 9 -> g.get(1) % 2 == 0
                        ? new LayerSpec.Reshape(name, List.of(channels, in.dim(0)))
                        : new LayerSpec.Reshape(name, List.of(in.size()));
                case 10 -> batchNormalization(name, g);
                case 11 -> layerNormalization(name, g);
                case 12 -> new LayerSpec.ZeroPadding1D(name, g.get(1) % 3, g.get(2) % 3);
                case 13 -> new LayerSpec.Cropping1D(name, g.get(1) % 3, g.get(2) % 3);
                case 14 -> new LayerSpec.UpSampling1D(name, 1 + g.get(1) % 3);
                case 15 -> new LayerSpec.Permute(name, g.get(1) % 2 == 0 ? List.of(2, 1) : List.of(1, 2));
                default -> new LayerSpec.SpatialDropout1D(name, 0.1 * (1 + g.get(1) % 5));
            };
        }
        int features = in.dim(0);
        return switch (g.get(0) % 9) {
            case 0, 1, 2 -> dense(name, g, limits);
            case 3 -> new LayerSpec.ActivationLayer(name, activation(g.get(1)));
            case 4 -> new LayerSpec.Dropout(name, 0.1 * (1 + g.get(1) % 5));
            case 5 -> new LayerSpec.RepeatVector(name, 1 + g.get(1) % 4);
            case 6 -> batchNormalization(name, g);
            case 7 -> layerNormalization(name, g);
            default -> {
                List<Integer> divisors = new ArrayList<>();
                for (int d = 1; d <= features; d++) {
                    if (features % d == 0) {
                        divisors.add(d);
                    }
                }
                int d = divisors.get(g.get(1) % divisors.size());
                yield new LayerSpec.Reshape(name, List.of(features / d, d));
            }
        };
    }

    /** A batch normalization with or without center and scale (see {@link #NORMALIZATION_EPSILONS}). */
    static LayerSpec batchNormalization(String name, List<Integer> g) {
        return new LayerSpec.BatchNormalization(
                name,
                MOMENTUMS[g.get(1) % 3],
                NORMALIZATION_EPSILONS[g.get(2) % 3],
                g.get(3) % 4 != 0,
                g.get(4) % 4 != 0);
    }

    private static LayerSpec layerNormalization(String name, List<Integer> g) {
        return new LayerSpec.LayerNormalization(
                name, NORMALIZATION_EPSILONS[g.get(2) % 3], g.get(3) % 4 != 0, g.get(4) % 4 != 0);
    }

    /** A conv1d: stride 1 and dilation 1, a stride above 1, or a dilation above 1 (never both). */
    private static LayerSpec conv(String name, List<Integer> g, Limits limits, DataFormat format) {
        int mode = g.get(3) % 3;
        int strides = mode == 1 ? 2 + g.get(4) % 2 : 1;
        int dilation = mode == 2 ? 2 + g.get(4) % 2 : 1;
        // a channels_first conv1d takes element-wise activations only
        Activation activation = activation(g.get(1) / limits.filters());
        return new LayerSpec.Conv1D(
                name,
                1 + g.get(1) % limits.filters(),
                1 + g.get(2) % limits.kernel(),
                strides,
                CONV_PADDINGS[g.get(5) % 3],
                dilation,
                (g.get(2) / limits.kernel()) % 4 != 0,
                activation == Activation.SOFTMAX && format == DataFormat.CHANNELS_FIRST ? Activation.TANH : activation,
                format);
    }

    private static LayerSpec dense(String name, List<Integer> g, Limits limits) {
        return new LayerSpec.Dense(name, 1 + g.get(1) % limits.units(), g.get(2) % 4 != 0, activation(g.get(3)));
    }

    private static Activation activation(int gene) {
        return Activation.values()[gene % Activation.values().length];
    }

    /**
     * SGD (plain, momentum, Nesterov), Adam, AdamW, Adagrad or RMSProp, each without clipping or
     * with clipnorm, clipvalue or global_clipnorm at 0.05. Adam and RMSProp divide by the gradient's
     * running magnitude plus epsilon, so with Keras's epsilon of 1e-7 a gradient that is zero in
     * theory (the bias of a softmax layer under mae with errors of one sign) and rounding noise of
     * 1e-9 in one engine becomes an update of 1% of the learning rate there and none in the other.
     * An epsilon of 1e-3 keeps that division well conditioned; the optimizers themselves are
     * runtime code shared by both engines, and the reference suite covers Keras's defaults.
     */
    static OptimizerSpec optimizer(int kind, int rate) {
        OptimizerSpec.Clipping clipping = OptimizerSpec.Clipping.of(
                OptimizerSpec.Clipping.Kind.values()[rate / 10 % 4], rate / 10 % 4 == 0 ? 0 : 0.05);
        return switch (kind % 6) {
            case 0 -> new OptimizerSpec.Sgd(0.01 * (1 + rate % 10), 0, false, clipping);
            case 1 -> new OptimizerSpec.Sgd(0.01 * (1 + rate % 10), 0.9, rate % 2 == 0, clipping);
            case 2 -> new OptimizerSpec.Adam(0.001 * (1 + rate % 10), 0.9, 0.999, ADAPTIVE_EPSILON, clipping);
            case 3 -> new OptimizerSpec.AdamW(
                    0.001 * (1 + rate % 10), 0.004 * (1 + rate % 3), 0.9, 0.999, ADAPTIVE_EPSILON, clipping);
            case 4 -> new OptimizerSpec.Adagrad(0.01 * (1 + rate % 10), 0.1, 1e-7, clipping);
            default -> new OptimizerSpec.RmsProp(0.001 * (1 + rate % 10), 0.9, ADAPTIVE_EPSILON, clipping);
        };
    }

    private static Shape outputOf(InputSpec input, List<LayerSpec> stack) {
        return ModelSpec.sequential("check", input, stack, Optional.empty()).outputShape();
    }

    /** The stack's output shape, or null if it is invalid or too large. */
    static Shape fits(InputSpec input, List<LayerSpec> stack, int maxSize) {
        try {
            Shape out = outputOf(input, stack);
            return out.size() <= maxSize ? out : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The stack one layer a line, for shrinking reports. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("\n  input ")
                .append(spec.inputs().get(0).shape())
                .append(spec.inputs().get(0).integerIds() ? " int" : "");
        for (LayerSpec layer : spec.layers()) {
            text.append("\n  ").append(layer);
        }
        return text.append("\n  loss ")
                .append(training().loss().kerasName())
                .append(", optimizer ")
                .append(training().optimizer())
                .append(", batch ")
                .append(batch)
                .append(", data seed ")
                .append(dataSeed)
                .append('\n')
                .toString();
    }
}
