package dev.lamina.runtime.spec;

/**
 * Inputs of a merge whose shapes do not combine: which input disagrees with those before it, on
 * which axis (Keras numbering, batch included: per-example axis {@code a} is Keras axis {@code a +
 * 1}), and why (e.g. "axis 1 differs (32 vs 30) and neither is 1").
 */
public final class ShapeMismatch extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final int input;
    private final int kerasAxis;

    ShapeMismatch(String message, int input, int kerasAxis) {
        super(message);
        this.input = input;
        this.kerasAxis = kerasAxis;
    }

    /** The index of the input that disagrees (0-based). */
    public int input() {
        return input;
    }

    /** The Keras axis (batch = 0) on which it disagrees, or -1 when the ranks differ. */
    public int kerasAxis() {
        return kerasAxis;
    }
}
