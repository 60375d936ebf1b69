package dev.lamina.runtime.spec;

/** Padding modes of convolution and pooling, with Keras's rules. */
public enum Padding {
    /** No padding: {@code out = floor((L - ((k-1)*d + 1)) / s) + 1}. */
    VALID,
    /**
     * {@code out = ceil(L / s)}; total padding {@code max((out-1)*s + (k-1)*d + 1 - L, 0)}, the
     * smaller half on the left.
     */
    SAME,
    /** {@code (k-1)*d} zeros on the left, then as {@link #VALID}: conv1d only. */
    CAUSAL;

    /** The Keras spelling: {@code valid}, {@code same}, {@code causal}. */
    public String kerasName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Padding fromKerasName(String name) {
        for (Padding p : values()) {
            if (p.kerasName().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown padding '" + name + "'");
    }
}
