package dev.lamina.runtime.spec;

import java.util.Objects;

/** The per-example input of a model: its shape and whether it holds floats or token ids. */
public record InputSpec(Shape shape, boolean integerIds) {
    public InputSpec {
        Objects.requireNonNull(shape, "shape");
    }
}
