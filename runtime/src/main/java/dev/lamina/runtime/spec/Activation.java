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
    GELU;

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
