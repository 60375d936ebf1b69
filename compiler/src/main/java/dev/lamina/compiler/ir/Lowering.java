package dev.lamina.compiler.ir;

import dev.lamina.runtime.spec.ModelSpec;

/** Lowers a checked model to the runtime's {@link ModelSpec}. */
public final class Lowering {
    private Lowering() {}

    /**
     * The runtime spec of {@code model}; its shape rules must agree with the checker's, which is
     * verified here so a disagreement fails loudly instead of producing a wrong model.
     */
    public static ModelSpec lower(ModelIr model) {
        ModelSpec spec = ModelSpec.sequential(
                model.name(),
                model.input(),
                model.layers().stream().map(CheckedLayer::spec).toList(),
                model.training());
        if (!spec.outputShape()
                        .equals(
                                model.layers().isEmpty()
                                        ? model.input().shape()
                                        : model.layers()
                                                .get(model.layers().size() - 1)
                                                .output())
                || spec.parameterCount() != model.totalParams()) {
            throw new IllegalStateException("checker and runtime disagree on the shapes of model " + model.name());
        }
        return spec;
    }
}
