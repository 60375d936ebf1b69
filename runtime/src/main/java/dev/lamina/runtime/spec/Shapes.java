package dev.lamina.runtime.spec;

/** Shape rules shared by the layers of {@link LayerSpec}. */
final class Shapes {
    private Shapes() {}

    static void requireRank(LayerSpec layer, Shape input, int rank) {
        if (input.rank() != rank) {
            throw new IllegalArgumentException(layer.name() + " (" + layer.typeName() + ") takes a rank-" + rank
                    + " input per example, got " + input);
        }
    }

    static void requireMinRank(LayerSpec layer, Shape input, int rank) {
        if (input.rank() < rank) {
            throw new IllegalArgumentException(layer.name() + " (" + layer.typeName() + ") takes a rank-" + rank
                    + " or higher input per example, got " + input);
        }
    }

    static void requireKnown(LayerSpec layer, Shape input, int axis) {
        if (input.dim(axis) == Shape.UNKNOWN) {
            throw new IllegalArgumentException(
                    layer.name() + " (" + layer.typeName() + ") needs axis " + axis + " of " + input + " to be known");
        }
    }

    /**
     * Output length of a sliding window of span {@code span} over {@code length} steps (Keras):
     * valid {@code floor((L - span) / s) + 1}, same and causal {@code ceil(L / s)}.
     */
    static int windowedLength(LayerSpec layer, int length, int span, int strides, Padding padding) {
        long out = outputLength(length, span, strides, padding);
        if (out < 1) {
            throw new IllegalArgumentException(layer.name() + " (" + layer.typeName() + "): a window of " + span
                    + " steps does not fit in " + length + " steps");
        }
        return (int) out;
    }

    /** The unchecked rule of {@link #windowedLength}; may be zero or negative. */
    static long outputLength(long length, long span, long strides, Padding padding) {
        return switch (padding) {
            case VALID -> Math.floorDiv(length - span, strides) + 1;
            case SAME, CAUSAL -> (length + strides - 1) / strides;
        };
    }
}
