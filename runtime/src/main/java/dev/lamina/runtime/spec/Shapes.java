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

    /** Output length of a sliding window ({@link WindowRule#outputLength}); rejects a window that does not fit. */
    static int windowedLength(LayerSpec layer, int length, int span, int strides, Padding padding) {
        long out = WindowRule.outputLength(length, span, strides, padding);
        if (out < 1) {
            throw new IllegalArgumentException(layer.name() + " (" + layer.typeName() + "): a window of " + span
                    + " steps does not fit in " + length + " steps");
        }
        return (int) out;
    }

    /** A number of steps computed by a reshaping rule; rejects one below 1 or beyond an int. */
    static int steps(LayerSpec layer, long steps) {
        if (steps < 1 || steps > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    layer.name() + " (" + layer.typeName() + ") would output " + steps + " steps");
        }
        return (int) steps;
    }
}
