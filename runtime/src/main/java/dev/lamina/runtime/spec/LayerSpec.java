package dev.lamina.runtime.spec;

import java.util.List;
import java.util.Objects;

/**
 * One layer of a model with its options resolved (Keras semantics). Each layer states its own shape
 * rule in {@link #outputShape} and its parameter count in {@link #parameterCount}; both throw
 * {@link IllegalArgumentException} for an input they cannot take (the compiler's checker reports
 * those cases as diagnostics before a spec ever reaches the runtime).
 */
public sealed interface LayerSpec {
    /** The layer's unique name within its model, e.g. {@code conv1d_1}. */
    String name();

    /** The per-example output shape for a per-example input shape. */
    Shape outputShape(Shape input);

    /** Number of trainable parameters for a per-example input shape. */
    long parameterCount(Shape input);

    /** The Keras type name, e.g. {@code conv1d}. */
    String typeName();

    /** {@code conv1d}: input (steps, channels), kernel (kernel_size, channels, filters). */
    record Conv1D(
            String name,
            int filters,
            int kernelSize,
            int strides,
            Padding padding,
            int dilationRate,
            boolean useBias,
            Activation activation)
            implements LayerSpec {
        public Conv1D {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(padding, "padding");
            Objects.requireNonNull(activation, "activation");
        }

        /** The span of input steps one output step sees: {@code (k-1)*d + 1}. */
        public int effectiveKernel() {
            return (kernelSize - 1) * dilationRate + 1;
        }

        @Override
        public Shape outputShape(Shape input) {
            Shapes.requireRank(this, input, 2);
            Shapes.requireKnown(this, input, 1);
            int steps = input.dim(0);
            if (steps == Shape.UNKNOWN) {
                return Shape.of(Shape.UNKNOWN, filters);
            }
            return Shape.of(Shapes.windowedLength(this, steps, effectiveKernel(), strides, padding), filters);
        }

        @Override
        public long parameterCount(Shape input) {
            Shapes.requireRank(this, input, 2);
            return (long) kernelSize * input.dim(1) * filters + (useBias ? filters : 0);
        }

        @Override
        public String typeName() {
            return "conv1d";
        }
    }

    /** {@code dense} on the last axis: kernel (in_features, units). */
    record Dense(String name, int units, boolean useBias, Activation activation) implements LayerSpec {
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
    }

    /** {@code max_pooling1d} / {@code average_pooling1d}; same-padded averages count real cells only. */
    record Pooling1D(String name, PoolKind kind, int poolSize, int strides, Padding padding) implements LayerSpec {
        public Pooling1D {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(padding, "padding");
        }

        @Override
        public Shape outputShape(Shape input) {
            Shapes.requireRank(this, input, 2);
            int steps = input.dim(0);
            if (steps == Shape.UNKNOWN) {
                return input;
            }
            return input.withDim(0, Shapes.windowedLength(this, steps, poolSize, strides, padding));
        }

        @Override
        public long parameterCount(Shape input) {
            return 0;
        }

        @Override
        public String typeName() {
            return kind == PoolKind.MAX ? "max_pooling1d" : "average_pooling1d";
        }
    }

    /** {@code global_max_pooling1d} / {@code global_average_pooling1d}: (steps, channels) to (channels). */
    record GlobalPooling1D(String name, PoolKind kind) implements LayerSpec {
        public GlobalPooling1D {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
        }

        @Override
        public Shape outputShape(Shape input) {
            Shapes.requireRank(this, input, 2);
            return Shape.of(input.dim(1));
        }

        @Override
        public long parameterCount(Shape input) {
            return 0;
        }

        @Override
        public String typeName() {
            return kind == PoolKind.MAX ? "global_max_pooling1d" : "global_average_pooling1d";
        }
    }

    /** {@code flatten}: every dimension must be known. */
    record Flatten(String name) implements LayerSpec {
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
    }

    /** {@code dropout}: zeroes a fraction {@code rate} in training and scales the rest by 1/(1-rate). */
    record Dropout(String name, double rate) implements LayerSpec {
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
    }

    /** {@code activation}: applies an activation to its input. */
    record ActivationLayer(String name, Activation activation) implements LayerSpec {
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
    }

    /** {@code embedding}: integer ids to vectors, embeddings (input_dim, output_dim). */
    record Embedding(String name, int inputDim, int outputDim) implements LayerSpec {
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
    }

    /** {@code repeat_vector}: (features) to (n, features). */
    record RepeatVector(String name, int n) implements LayerSpec {
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
    }

    /** {@code reshape} to a target shape with the same number of elements. */
    record Reshape(String name, List<Integer> targetShape) implements LayerSpec {
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
    }
}
