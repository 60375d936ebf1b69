package dev.lamina.runtime.spec;

import java.util.List;

/**
 * Keras 3's merge shape rules, the one place they are written ({@code merging/base_merge.py},
 * {@code merging/concatenate.py}).
 */
public final class MergeRule {
    private MergeRule() {}

    /**
     * The output of an element-wise merge: per axis, equal sizes stay, a size of 1 broadcasts to the
     * other, and an unknown size stays unknown; a shape of lower rank lines up with the last axes of
     * the other.
     *
     * @throws ShapeMismatch when two sizes differ and neither is 1
     */
    public static Shape elementwise(List<Shape> inputs) {
        Shape result = inputs.get(0);
        for (int i = 1; i < inputs.size(); i++) {
            result = broadcast(result, inputs.get(i), i);
        }
        return result;
    }

    private static Shape broadcast(Shape a, Shape b, int input) {
        Shape longer = a.rank() >= b.rank() ? a : b;
        Shape shorter = longer == a ? b : a;
        int offset = longer.rank() - shorter.rank();
        int[] dims = longer.dims();
        for (int axis = offset; axis < longer.rank(); axis++) {
            int x = longer.dim(axis);
            int y = shorter.dim(axis - offset);
            if (x == Shape.UNKNOWN || y == Shape.UNKNOWN) {
                dims[axis] = x == 1 ? y : y == 1 ? x : Shape.UNKNOWN;
            } else if (x == 1) {
                dims[axis] = y;
            } else if (y != 1 && x != y) {
                int onA = longer == a ? x : y;
                int onB = longer == a ? y : x;
                throw new ShapeMismatch(
                        "axis " + (axis + 1) + " differs (" + onA + " vs " + onB + ") and neither is 1",
                        input,
                        axis + 1);
            }
        }
        return Shape.of(dims);
    }

    /**
     * The output of {@code concatenate} on Keras axis {@code kerasAxis} (batch included; negative
     * counts from the end): every input has the same rank and every other dimension equal, and the
     * axis adds up (unknown if any input's is).
     *
     * @throws ShapeMismatch when ranks or other dimensions differ
     * @throws IllegalArgumentException when the axis is the batch axis or outside the tensors
     */
    public static Shape concatenate(List<Shape> inputs, int kerasAxis) {
        Shape first = inputs.get(0);
        int axis = perExampleAxis(kerasAxis, first.rank());
        long sum = 0;
        boolean unknown = false;
        for (int i = 0; i < inputs.size(); i++) {
            Shape s = inputs.get(i);
            if (s.rank() != first.rank()) {
                throw new ShapeMismatch("concatenate needs inputs of one rank, got " + first + " and " + s, i, -1);
            }
            for (int a = 0; a < s.rank(); a++) {
                if (a != axis && s.dim(a) != first.dim(a)) {
                    throw new ShapeMismatch(
                            "axis " + (a + 1) + " differs (" + dimText(first.dim(a)) + " vs " + dimText(s.dim(a))
                                    + ") and is not the joined axis " + (axis + 1),
                            i,
                            a + 1);
                }
            }
            if (s.dim(axis) == Shape.UNKNOWN) {
                unknown = true;
            } else {
                sum += s.dim(axis);
            }
        }
        if (!unknown && sum > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("concatenate: axis " + (axis + 1) + " would have " + sum + " entries");
        }
        return first.withDim(axis, unknown ? Shape.UNKNOWN : (int) sum);
    }

    /**
     * The per-example axis (0-based, batch excluded) of Keras axis {@code kerasAxis} on tensors of
     * per-example rank {@code rank}.
     *
     * @throws IllegalArgumentException for the batch axis or an axis outside the tensor
     */
    public static int perExampleAxis(int kerasAxis, int rank) {
        int full = rank + 1;
        int axis = kerasAxis < 0 ? kerasAxis + full : kerasAxis;
        if (axis < 1 || axis >= full) {
            throw new IllegalArgumentException("axis " + kerasAxis + " is "
                    + (axis == 0 ? "the batch axis" : "outside tensors of rank " + full + " (batch included)")
                    + "; concatenate on 1.." + rank + " or -" + rank + "..-1");
        }
        return axis - 1;
    }

    /**
     * For every flat position of {@code output} (one example), the flat position of {@code input}
     * that broadcasts to it (a size-1 axis repeats, a lower rank lines up with the last axes); null
     * when the shapes are equal (the identity).
     */
    public static int[] broadcastIndexMap(Shape input, Shape output) {
        if (input.equals(output)) {
            return null;
        }
        int rank = output.rank();
        int offset = rank - input.rank();
        int[] strides = new int[rank];
        int stride = 1;
        for (int axis = rank - 1; axis >= offset; axis--) {
            int size = input.dim(axis - offset);
            strides[axis] = size == 1 ? 0 : stride;
            stride *= size;
        }
        int size = output.size();
        int[] map = new int[size];
        int[] index = new int[rank];
        for (int flat = 0; flat < size; flat++) {
            int source = 0;
            for (int axis = 0; axis < rank; axis++) {
                source += index[axis] * strides[axis];
            }
            map[flat] = source;
            for (int axis = rank - 1; axis >= 0; axis--) {
                if (++index[axis] < output.dim(axis)) {
                    break;
                }
                index[axis] = 0;
            }
        }
        return map;
    }

    private static String dimText(int d) {
        return d == Shape.UNKNOWN ? "None" : Integer.toString(d);
    }
}
