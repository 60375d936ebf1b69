package dev.lamina.runtime.spec;

import java.util.List;
import java.util.Objects;

/**
 * One layer of a model with its options resolved (Keras semantics). Each layer states its own shape
 * rule in {@link #outputShape} and its parameter count in {@link #parameterCount}; both throw
 * {@link IllegalArgumentException} for inputs they cannot take (the compiler's checker reports
 * those cases as diagnostics before a spec ever reaches the runtime). Code that handles every kind
 * goes through {@link #accept}, so adding a kind makes javac list each place that must handle it.
 */
public sealed interface LayerSpec permits LayerSpec.Unary, LayerSpec.Merge, LayerSpec.Concatenate {
    /** The layer's unique name within its model, e.g. {@code conv1d_1}. */
    String name();

    /** The per-example output shape for the per-example shapes of its inputs, in order. */
    Shape outputShape(List<Shape> inputs);

    /**
     * Number of parameters for the per-example shapes of its inputs, trainable or not (Keras's
     * "Param #").
     */
    long parameterCount(List<Shape> inputs);

    /**
     * How many of {@link #parameterCount} are not trainable (batch normalization's moving
     * statistics): saved with the weights, updated by training passes, never by an optimizer.
     */
    default long nonTrainableParameterCount(List<Shape> inputs) {
        return 0;
    }

    /** The Keras type name, e.g. {@code conv1d}. */
    String typeName();

    /** Whether the layer takes a list of inputs (a merge) rather than exactly one. */
    default boolean isMerge() {
        return !(this instanceof Unary);
    }

    /** Calls the visitor's method for this kind of layer. */
    <R> R accept(Visitor<R> visitor);

    /** One method per kind of layer. */
    interface Visitor<R> {
        R conv1d(Conv1D layer);

        R dense(Dense layer);

        R pooling1d(Pooling1D layer);

        R globalPooling1d(GlobalPooling1D layer);

        R flatten(Flatten layer);

        R dropout(Dropout layer);

        R activation(ActivationLayer layer);

        R embedding(Embedding layer);

        R repeatVector(RepeatVector layer);

        R reshape(Reshape layer);

        R merge(Merge layer);

        R concatenate(Concatenate layer);

        R batchNormalization(BatchNormalization layer);

        R layerNormalization(LayerNormalization layer);

        R zeroPadding1d(ZeroPadding1D layer);

        R cropping1d(Cropping1D layer);

        R upSampling1d(UpSampling1D layer);

        R permute(Permute layer);

        R spatialDropout1d(SpatialDropout1D layer);
    }

    /** A layer with exactly one input. */
    sealed interface Unary extends LayerSpec
            permits SequenceLayer,
                    Dense,
                    Flatten,
                    Dropout,
                    ActivationLayer,
                    Embedding,
                    RepeatVector,
                    Reshape,
                    BatchNormalization,
                    LayerNormalization,
                    ZeroPadding1D,
                    Cropping1D,
                    UpSampling1D,
                    Permute,
                    SpatialDropout1D {
        /** The per-example output shape for a per-example input shape. */
        Shape outputShape(Shape input);

        /** Number of parameters for a per-example input shape. */
        long parameterCount(Shape input);

        @Override
        default Shape outputShape(List<Shape> inputs) {
            return outputShape(only(this, inputs));
        }

        @Override
        default long parameterCount(List<Shape> inputs) {
            return parameterCount(only(this, inputs));
        }

        private static Shape only(LayerSpec layer, List<Shape> inputs) {
            if (inputs.size() != 1) {
                throw new IllegalArgumentException(
                        layer.name() + " (" + layer.typeName() + ") takes exactly one input, got " + inputs.size());
            }
            return inputs.get(0);
        }
    }

    /**
     * A layer over sequences (conv1d, pooling, global pooling) that takes either {@link DataFormat}:
     * its shape rule reads the steps and channels from the axes of its layout.
     */
    sealed interface SequenceLayer extends Unary permits Conv1D, Pooling1D, GlobalPooling1D {
        /** The layout of its input (and of its output, for conv1d and pooling). */
        DataFormat dataFormat();

        /**
         * The same layer on channels_last input: what the engines run between a transpose of the
         * input to {@code (steps, channels)} and one of the output back, for a channels_first layer.
         */
        SequenceLayer channelsLast();
    }

    /**
     * An element-wise merge ({@code add}, {@code subtract}, {@code multiply}, {@code average},
     * {@code maximum}, {@code minimum}): shapes combine by {@link MergeRule#elementwise}.
     */
    record Merge(String name, MergeKind kind) implements LayerSpec {
        public Merge {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
        }

        @Override
        public Shape outputShape(List<Shape> inputs) {
            if (inputs.isEmpty() || (kind == MergeKind.SUBTRACT && inputs.size() != 2)) {
                throw new IllegalArgumentException(name + " (" + typeName() + ") takes "
                        + (kind == MergeKind.SUBTRACT ? "exactly 2 inputs" : "at least one input") + ", got "
                        + inputs.size());
            }
            return MergeRule.elementwise(inputs);
        }

        @Override
        public long parameterCount(List<Shape> inputs) {
            return 0;
        }

        @Override
        public String typeName() {
            return kind.kerasName();
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.merge(this);
        }
    }

    /** {@code concatenate} on a Keras axis (batch included; -1 the last): {@link MergeRule#concatenate}. */
    record Concatenate(String name, int axis) implements LayerSpec {
        public Concatenate {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public Shape outputShape(List<Shape> inputs) {
            if (inputs.isEmpty()) {
                throw new IllegalArgumentException(name + " (concatenate) takes at least one input");
            }
            return MergeRule.concatenate(inputs, axis);
        }

        @Override
        public long parameterCount(List<Shape> inputs) {
            return 0;
        }

        @Override
        public String typeName() {
            return "concatenate";
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.concatenate(this);
        }
    }

    /**
     * {@code conv1d}: input (steps, channels), output (steps, filters), kernel (kernel_size, channels,
     * filters); with channels_first the input is (channels, steps) and the output (filters, steps),
     * the kernel the same. A channels_first conv1d takes element-wise activations only: Keras's
     * softmax would normalize over its last axis, the steps, unlike the channels_last twin.
     */
    record Conv1D(
            String name,
            int filters,
            int kernelSize,
            int strides,
            Padding padding,
            int dilationRate,
            boolean useBias,
            Activation activation,
            DataFormat dataFormat)
            implements SequenceLayer {
        public Conv1D {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(padding, "padding");
            Objects.requireNonNull(activation, "activation");
            Objects.requireNonNull(dataFormat, "dataFormat");
            if (activation == Activation.SOFTMAX && dataFormat == DataFormat.CHANNELS_FIRST) {
                throw new IllegalArgumentException(name + " (conv1d): softmax on a channels_first conv1d would"
                        + " normalize over the steps (Keras's last axis); use an activation layer after it");
            }
        }

        /** A channels_last conv1d. */
        public Conv1D(
                String name,
                int filters,
                int kernelSize,
                int strides,
                Padding padding,
                int dilationRate,
                boolean useBias,
                Activation activation) {
            this(
                    name,
                    filters,
                    kernelSize,
                    strides,
                    padding,
                    dilationRate,
                    useBias,
                    activation,
                    DataFormat.CHANNELS_LAST);
        }

        @Override
        public Conv1D channelsLast() {
            return new Conv1D(name, filters, kernelSize, strides, padding, dilationRate, useBias, activation);
        }

        /**
         * The span of input steps one output step sees: {@code (k-1)*d + 1}.
         *
         * @throws IllegalArgumentException when it exceeds an int (the checker reports such a layer)
         */
        public int effectiveKernel() {
            long span = (long) (kernelSize - 1) * dilationRate + 1;
            if (span > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(name + " (conv1d): effective kernel " + span + " exceeds an int");
            }
            return (int) span;
        }

        @Override
        public Shape outputShape(Shape input) {
            Shapes.requireRank(this, input, 2);
            Shapes.requireKnown(this, input, dataFormat.channelsAxis());
            int steps = input.dim(dataFormat.stepsAxis());
            if (steps == Shape.UNKNOWN) {
                return dataFormat.sequence(Shape.UNKNOWN, filters);
            }
            return dataFormat.sequence(
                    Shapes.windowedLength(this, steps, effectiveKernel(), strides, padding), filters);
        }

        @Override
        public long parameterCount(Shape input) {
            Shapes.requireRank(this, input, 2);
            return (long) kernelSize * input.dim(dataFormat.channelsAxis()) * filters + (useBias ? filters : 0);
        }

        @Override
        public String typeName() {
            return "conv1d";
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.conv1d(this);
        }
    }

    /** {@code dense} on the last axis: kernel (in_features, units). */
    record Dense(String name, int units, boolean useBias, Activation activation) implements Unary {
        public Dense {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(activation, "activation");
        }

        @Override
        public Shape outputShape(Shape input) {
            Shapes.requireMinRank(this, input, 1);
            Shapes.requireKnown(this, input, input.rank() - 1);
            return input.withDim(input.rank() - 1, units);
        }

        @Override
        public long parameterCount(Shape input) {
            Shapes.requireMinRank(this, input, 1);
            return (long) input.last() * units + (useBias ? units : 0);
        }

        @Override
        public String typeName() {
            return "dense";
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.dense(this);
        }
    }

    /**
     * {@code max_pooling1d} / {@code average_pooling1d} over the steps of (steps, channels), or of
     * (channels, steps) with channels_first; same-padded averages count real cells only.
     */
    record Pooling1D(String name, PoolKind kind, int poolSize, int strides, Padding padding, DataFormat dataFormat)
            implements SequenceLayer {
        public Pooling1D {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(padding, "padding");
            Objects.requireNonNull(dataFormat, "dataFormat");
        }

        /** A channels_last pooling layer. */
        public Pooling1D(String name, PoolKind kind, int poolSize, int strides, Padding padding) {
            this(name, kind, poolSize, strides, padding, DataFormat.CHANNELS_LAST);
        }

        @Override
        public Pooling1D channelsLast() {
            return new Pooling1D(name, kind, poolSize, strides, padding);
        }

        @Override
        public Shape outputShape(Shape input) {
            Shapes.requireRank(this, input, 2);
            int axis = dataFormat.stepsAxis();
            int steps = input.dim(axis);
            if (steps == Shape.UNKNOWN) {
                return input;
            }
            return input.withDim(axis, Shapes.windowedLength(this, steps, poolSize, strides, padding));
        }

        @Override
        public long parameterCount(Shape input) {
            return 0;
        }

        @Override
        public String typeName() {
            return kind == PoolKind.MAX ? "max_pooling1d" : "average_pooling1d";
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.pooling1d(this);
        }
    }

    /**
     * {@code global_max_pooling1d} / {@code global_average_pooling1d}: (steps, channels), or
     * (channels, steps) with channels_first, to (channels).
     */
    record GlobalPooling1D(String name, PoolKind kind, DataFormat dataFormat) implements SequenceLayer {
        public GlobalPooling1D {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(dataFormat, "dataFormat");
        }

        /** A channels_last global pooling layer. */
        public GlobalPooling1D(String name, PoolKind kind) {
            this(name, kind, DataFormat.CHANNELS_LAST);
        }

        @Override
        public GlobalPooling1D channelsLast() {
            return new GlobalPooling1D(name, kind);
        }

        @Override
        public Shape outputShape(Shape input) {
            Shapes.requireRank(this, input, 2);
            return Shape.of(input.dim(dataFormat.channelsAxis()));
        }

        @Override
        public long parameterCount(Shape input) {
            return 0;
        }

        @Override
        public String typeName() {
            return kind == PoolKind.MAX ? "global_max_pooling1d" : "global_average_pooling1d";
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.globalPooling1d(this);
        }
    }

    /** {@code flatten}: every dimension must be known. */
    record Flatten(String name) implements Unary {
        public Flatten {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public Shape outputShape(Shape input) {
            for (int axis = 0; axis < input.rank(); axis++) {
                Shapes.requireKnown(this, input, axis);
            }
            return Shape.of(input.size());
        }

        @Override
        public long parameterCount(Shape input) {
            return 0;
        }

        @Override
        public String typeName() {
            return "flatten";
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.flatten(this);
        }
    }

    /** {@code dropout}: zeroes a fraction {@code rate} in training and scales the rest by 1/(1-rate). */
    record Dropout(String name, double rate) implements Unary {
        public Dropout {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public Shape outputShape(Shape input) {
            return input;
        }

        @Override
        public long parameterCount(Shape input) {
            return 0;
        }

        @Override
        public String typeName() {
            return "dropout";
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.dropout(this);
        }
    }

    /** {@code activation}: applies an activation to its input. */
    record ActivationLayer(String name, Activation activation) implements Unary {
        public ActivationLayer {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(activation, "activation");
        }

        @Override
        public Shape outputShape(Shape input) {
            return input;
        }

        @Override
        public long parameterCount(Shape input) {
            return 0;
        }

        @Override
        public String typeName() {
            return "activation";
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.activation(this);
        }
    }

    /** {@code embedding}: integer ids to vectors, embeddings (input_dim, output_dim). */
    record Embedding(String name, int inputDim, int outputDim) implements Unary {
        public Embedding {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public Shape outputShape(Shape input) {
            int[] dims = java.util.Arrays.copyOf(input.dims(), input.rank() + 1);
            dims[input.rank()] = outputDim;
            return Shape.of(dims);
        }

        @Override
        public long parameterCount(Shape input) {
            return (long) inputDim * outputDim;
        }

        @Override
        public String typeName() {
            return "embedding";
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.embedding(this);
        }
    }

    /** {@code repeat_vector}: (features) to (n, features). */
    record RepeatVector(String name, int n) implements Unary {
        public RepeatVector {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public Shape outputShape(Shape input) {
            Shapes.requireRank(this, input, 1);
            return Shape.of(n, input.dim(0));
        }

        @Override
        public long parameterCount(Shape input) {
            return 0;
        }

        @Override
        public String typeName() {
            return "repeat_vector";
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.repeatVector(this);
        }
    }

    /** {@code reshape} to a target shape with the same number of elements. */
    record Reshape(String name, List<Integer> targetShape) implements Unary {
        public Reshape {
            Objects.requireNonNull(name, "name");
            targetShape = List.copyOf(targetShape);
        }

        @Override
        public Shape outputShape(Shape input) {
            Shape target =
                    Shape.of(targetShape.stream().mapToInt(Integer::intValue).toArray());
            if (input.size() != target.size()) {
                throw new IllegalArgumentException(name + ": cannot reshape " + input + " (" + input.size()
                        + " elements) to " + target + " (" + target.size() + " elements)");
            }
            return target;
        }

        @Override
        public long parameterCount(Shape input) {
            return 0;
        }

        @Override
        public String typeName() {
            return "reshape";
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.reshape(this);
        }
    }

    /**
     * {@code batch_normalization} over the last axis of {@code C} channels: trainable {@code gamma}
     * (with {@code scale}) and {@code beta} (with {@code center}), non-trainable {@code
     * moving_mean} and {@code moving_variance}. Training passes normalize with the batch's mean and
     * biased variance over every other axis and update the moving statistics ({@code moving =
     * moving * momentum + batch * (1 - momentum)}); inference uses the moving statistics.
     */
    record BatchNormalization(String name, double momentum, double epsilon, boolean center, boolean scale)
            implements Unary {
        public static final double DEFAULT_MOMENTUM = 0.99;
        public static final double DEFAULT_EPSILON = 0.001;

        public BatchNormalization {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public Shape outputShape(Shape input) {
            Shapes.requireMinRank(this, input, 1);
            Shapes.requireKnown(this, input, input.rank() - 1);
            return input;
        }

        @Override
        public long parameterCount(Shape input) {
            Shapes.requireMinRank(this, input, 1);
            return (long) input.last() * ((center ? 1 : 0) + (scale ? 1 : 0) + 2);
        }

        @Override
        public long nonTrainableParameterCount(List<Shape> inputs) {
            return 2L * inputs.get(0).last();
        }

        @Override
        public String typeName() {
            return "batch_normalization";
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.batchNormalization(this);
        }
    }

    /**
     * {@code layer_normalization} over the last axis of each example's rows: the mean and biased
     * variance of every row of {@code C} values, then {@code gamma} (with {@code scale}) and {@code
     * beta} (with {@code center}), both of {@code C} values.
     */
    record LayerNormalization(String name, double epsilon, boolean center, boolean scale) implements Unary {
        public static final double DEFAULT_EPSILON = 0.001;

        public LayerNormalization {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public Shape outputShape(Shape input) {
            Shapes.requireMinRank(this, input, 1);
            Shapes.requireKnown(this, input, input.rank() - 1);
            return input;
        }

        @Override
        public long parameterCount(Shape input) {
            Shapes.requireMinRank(this, input, 1);
            return (long) input.last() * ((center ? 1 : 0) + (scale ? 1 : 0));
        }

        @Override
        public String typeName() {
            return "layer_normalization";
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.layerNormalization(this);
        }
    }

    /** {@code zero_padding1d}: {@code left} and {@code right} zero steps around (steps, channels). */
    record ZeroPadding1D(String name, int left, int right) implements Unary {
        public ZeroPadding1D {
            Objects.requireNonNull(name, "name");
            if (left < 0 || right < 0) {
                throw new IllegalArgumentException(
                        name + " (zero_padding1d): negative padding [" + left + ", " + right + "]");
            }
        }

        @Override
        public Shape outputShape(Shape input) {
            Shapes.requireRank(this, input, 2);
            if (input.dim(0) == Shape.UNKNOWN) {
                return input;
            }
            return input.withDim(0, Shapes.steps(this, WindowRule.paddedLength(input.dim(0), left, right)));
        }

        @Override
        public long parameterCount(Shape input) {
            return 0;
        }

        @Override
        public String typeName() {
            return "zero_padding1d";
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.zeroPadding1d(this);
        }
    }

    /** {@code cropping1d}: removes {@code left} and {@code right} steps of (steps, channels). */
    record Cropping1D(String name, int left, int right) implements Unary {
        public Cropping1D {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public Shape outputShape(Shape input) {
            Shapes.requireRank(this, input, 2);
            if (left < 0 || right < 0) {
                throw new IllegalArgumentException(
                        name + " (cropping1d): negative cropping [" + left + ", " + right + "]");
            }
            if (input.dim(0) == Shape.UNKNOWN) {
                return input;
            }
            return input.withDim(0, Shapes.steps(this, WindowRule.croppedLength(input.dim(0), left, right)));
        }

        @Override
        public long parameterCount(Shape input) {
            return 0;
        }

        @Override
        public String typeName() {
            return "cropping1d";
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.cropping1d(this);
        }
    }

    /** {@code up_sampling1d}: each step of (steps, channels) repeated {@code size} times in place. */
    record UpSampling1D(String name, int size) implements Unary {
        public static final int DEFAULT_SIZE = 2;

        public UpSampling1D {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public Shape outputShape(Shape input) {
            Shapes.requireRank(this, input, 2);
            if (size < 1) {
                throw new IllegalArgumentException(name + " (up_sampling1d): size " + size + " is below 1");
            }
            if (input.dim(0) == Shape.UNKNOWN) {
                return input;
            }
            return input.withDim(0, Shapes.steps(this, WindowRule.upsampledLength(input.dim(0), size)));
        }

        @Override
        public long parameterCount(Shape input) {
            return 0;
        }

        @Override
        public String typeName() {
            return "up_sampling1d";
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.upSampling1d(this);
        }
    }

    /**
     * {@code permute}: {@code dims} is a 1-based permutation of the example's axes (Keras numbering
     * without the batch); output axis {@code i} is input axis {@code dims[i]}.
     */
    record Permute(String name, List<Integer> dims) implements Unary {
        public Permute {
            Objects.requireNonNull(name, "name");
            dims = List.copyOf(dims);
        }

        /** Whether {@code dims} holds each of {@code 1..dims.size()} once. */
        public static boolean isPermutation(List<Integer> dims) {
            boolean[] seen = new boolean[dims.size()];
            for (int d : dims) {
                if (d < 1 || d > dims.size() || seen[d - 1]) {
                    return false;
                }
                seen[d - 1] = true;
            }
            return true;
        }

        @Override
        public Shape outputShape(Shape input) {
            if (!isPermutation(dims)) {
                throw new IllegalArgumentException(
                        name + " (permute): " + dims + " is not a permutation of 1.." + dims.size());
            }
            Shapes.requireRank(this, input, dims.size());
            int[] out = new int[dims.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = input.dim(dims.get(i) - 1);
            }
            return Shape.of(out);
        }

        @Override
        public long parameterCount(Shape input) {
            return 0;
        }

        @Override
        public String typeName() {
            return "permute";
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.permute(this);
        }
    }

    /**
     * {@code spatial_dropout1d}: in training with dropout on, drops whole channels of each example
     * (a channel is kept for every step with probability {@code 1 - rate}, scaled by {@code 1 / (1 -
     * rate)}); the identity otherwise.
     */
    record SpatialDropout1D(String name, double rate) implements Unary {
        public SpatialDropout1D {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public Shape outputShape(Shape input) {
            Shapes.requireRank(this, input, 2);
            return input;
        }

        @Override
        public long parameterCount(Shape input) {
            return 0;
        }

        @Override
        public String typeName() {
            return "spatial_dropout1d";
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.spatialDropout1d(this);
        }
    }
}
