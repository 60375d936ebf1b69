package dev.lamina.runtime.spec;

import java.util.Objects;

/**
 * One input of a model: its name (how callers and other nodes refer to it), the per-example shape
 * and whether it holds floats or token ids.
 */
public record InputSpec(String name, Shape shape, boolean integerIds) {
    /** The name of the input of a model that declares one input without naming it. */
    public static final String DEFAULT_NAME = "input";

    public InputSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(shape, "shape");
    }

    /** An input named {@link #DEFAULT_NAME}. */
    public InputSpec(Shape shape, boolean integerIds) {
        this(DEFAULT_NAME, shape, integerIds);
    }
}
