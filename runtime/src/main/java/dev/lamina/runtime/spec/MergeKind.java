package dev.lamina.runtime.spec;

import java.util.Locale;

/** The element-wise merges of Keras: their inputs have equal shapes, or shapes that broadcast. */
public enum MergeKind {
    ADD,
    /** Exactly two inputs: the first minus the second. */
    SUBTRACT,
    MULTIPLY,
    AVERAGE,
    MAXIMUM,
    MINIMUM;

    /** The Keras spelling, e.g. {@code add}. */
    public String kerasName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Keras's class name, e.g. {@code Add}. */
    public String className() {
        return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }
}
