package dev.lamina.runtime.spec;

import java.util.Locale;

/** Element-wise activations (softmax works on the last axis). */
public enum Activation {
    LINEAR,
    RELU,
    TANH,
    SIGMOID,
    SOFTMAX,
    /** alpha = 1. */
    ELU,
    SOFTPLUS,
    /** The exact form, {@code x * Phi(x)} with the error function. */
    GELU,
    /** {@code x * sigmoid(x)}. */
    SILU,
    /** {@code scale * elu(x, alpha)} with Keras's constants. */
    SELU,
    /** {@code max(x, 0.2 x)}: the activation's default slope (the LeakyReLU layer's 0.3 does not apply). */
    LEAKY_RELU,
    /** Keras 3: {@code relu6(x + 3) / 6}, 0 below -3, 1 above 3. */
    HARD_SIGMOID,
    /** {@code x / (1 + |x|)}. */
    SOFTSIGN;

    /** The Keras spelling, e.g. {@code relu}. */
    public String kerasName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Activation fromKerasName(String name) {
        for (Activation a : values()) {
            if (a.kerasName().equals(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown activation '" + name + "'");
    }
}
