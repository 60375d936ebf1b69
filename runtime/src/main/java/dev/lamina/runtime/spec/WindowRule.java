package dev.lamina.runtime.spec;

/**
 * Keras's arithmetic on the steps axis, the one place it is written: output lengths and padding
 * amounts for a sliding window of {@code span} steps ({@code (k-1)*d + 1} for a dilated kernel)
 * moved by {@code strides} (convolution and pooling), and the lengths after the reshaping layers
 * {@code zero_padding1d}, {@code cropping1d} and {@code up_sampling1d}. Every computation is exact
 * ({@code long}); callers reject results out of range.
 */
public final class WindowRule {
    private WindowRule() {}

    /**
     * Output steps: valid {@code floor((L - span) / s) + 1}, same and causal {@code ceil(L / s)}. May
     * be zero or negative for a window that does not fit (valid padding).
     */
    public static long outputLength(long length, long span, long strides, Padding padding) {
        return switch (padding) {
            case VALID -> Math.floorDiv(length - span, strides) + 1;
            case SAME, CAUSAL -> Math.floorDiv(length + strides - 1, strides);
        };
    }

    /**
     * Zeros added around the input in total: none for valid, {@code span - 1} for causal (all on the
     * left), and for same {@code max((out-1)*s + span - L, 0)}.
     */
    public static long totalPadding(long length, long span, long strides, Padding padding) {
        return switch (padding) {
            case VALID -> 0;
            case CAUSAL -> span - 1;
            case SAME -> Math.max((outputLength(length, span, strides, padding) - 1) * strides + span - length, 0);
        };
    }

    /** Zeros before the first input step: all of them for causal, the smaller half for same. */
    public static long leftPadding(long length, long span, long strides, Padding padding) {
        long total = totalPadding(length, span, strides, padding);
        return padding == Padding.SAME ? total / 2 : total;
    }

    /** {@code zero_padding1d}: {@code left + L + right} steps. */
    public static long paddedLength(long length, long left, long right) {
        return left + length + right;
    }

    /** {@code cropping1d}: {@code L - left - right} steps; zero or negative when nothing would remain. */
    public static long croppedLength(long length, long left, long right) {
        return length - left - right;
    }

    /** {@code up_sampling1d}: each step repeated {@code size} times, {@code L * size} steps. */
    public static long upsampledLength(long length, long size) {
        return length * size;
    }
}
