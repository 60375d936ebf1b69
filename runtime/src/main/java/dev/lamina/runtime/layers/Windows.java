package dev.lamina.runtime.layers;

import dev.lamina.runtime.spec.Padding;

/** Where the sliding windows of convolution and pooling start, with Keras's padding rules. */
public final class Windows {
    private Windows() {}

    /**
     * Number of virtual zero steps before the first input step: none for valid, {@code span - 1}
     * for causal, and for same the smaller half of {@code max((out-1)*s + span - L, 0)}.
     *
     * @param span the steps one window covers, {@code (k-1)*d + 1}
     */
    public static int leftPadding(Padding padding, int length, int outLength, int span, int strides) {
        return switch (padding) {
            case VALID -> 0;
            case CAUSAL -> span - 1;
            case SAME -> Math.max((outLength - 1) * strides + span - length, 0) / 2;
        };
    }
}
