package dev.lamina.runtime.layers;

import dev.lamina.runtime.spec.Shape;

/**
 * Where each value of a merge's per-example output reads an input that broadcasts to it (Keras's
 * rule: a size-1 axis repeats, a lower-rank shape lines up with the last axes).
 */
final class Broadcast {
    private Broadcast() {}

    /**
     * For every flat position of {@code output} (one example), the flat position of {@code input}
     * it reads; null when the shapes are equal (the identity).
     */
    static int[] indexMap(Shape input, Shape output) {
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
}
