package dev.lamina.runtime.spec;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The shape of one example (no batch axis), channels-last. A dimension of {@link #UNKNOWN} has a
 * length only known at run time (Keras's {@code None}).
 */
public final class Shape {
    /** Marks a dimension whose length is known only at run time. */
    public static final int UNKNOWN = -1;

    private final int[] dims;

    private Shape(int[] dims) {
        this.dims = dims;
    }

    /** A shape with the given dimensions; each is positive or {@link #UNKNOWN}. */
    public static Shape of(int... dims) {
        for (int d : dims) {
            if (d < 1 && d != UNKNOWN) {
                throw new IllegalArgumentException("dimension " + d + " in " + Arrays.toString(dims));
            }
        }
        return new Shape(dims.clone());
    }

    public int rank() {
        return dims.length;
    }

    public int dim(int axis) {
        return dims[axis];
    }

    /** The last dimension (channels or features). */
    public int last() {
        return dims[dims.length - 1];
    }

    public int[] dims() {
        return dims.clone();
    }

    public boolean isFullyKnown() {
        for (int d : dims) {
            if (d == UNKNOWN) {
                return false;
            }
        }
        return true;
    }

    /** Number of elements per example; throws if a dimension is unknown or the count overflows. */
    public int size() {
        long n = 1;
        for (int d : dims) {
            if (d == UNKNOWN) {
                throw new IllegalStateException("shape " + this + " has a dimension of unknown length");
            }
            n *= d;
            if (n > Integer.MAX_VALUE) {
                throw new ArithmeticException("shape " + this + " has more than 2^31-1 elements");
            }
        }
        return (int) n;
    }

    /** This shape with the first dimension replaced, used to resolve a variable length. */
    public Shape withDim(int axis, int value) {
        int[] copy = dims.clone();
        copy[axis] = value;
        return new Shape(copy);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape s && Arrays.equals(dims, s.dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    /** Keras notation: {@code (511, 2)}, {@code (None, 100)}, {@code (4,)}. */
    @Override
    public String toString() {
        String inner = Arrays.stream(dims)
                .mapToObj(d -> d == UNKNOWN ? "None" : Integer.toString(d))
                .collect(Collectors.joining(", "));
        return "(" + inner + (dims.length == 1 ? ",)" : ")");
    }
}
