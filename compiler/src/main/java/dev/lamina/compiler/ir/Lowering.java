package dev.lamina.compiler.ir;

import dev.lamina.runtime.spec.ModelSpec;
import dev.lamina.runtime.spec.NodeSpec;

/** Lowers a checked model to the runtime's {@link ModelSpec}, the graph every engine runs. */
public final class Lowering {
    private Lowering() {}

    /**
     * The runtime spec of {@code model}. The spec resolves its shapes by the same layer rules the
     * checker used; any disagreement fails loudly here instead of producing a wrong model.
     */
    public static ModelSpec lower(ModelIr model) {
        ModelSpec spec = new ModelSpec(
                model.name(),
                model.inputs(),
                model.layers().stream()
                        .map(l -> new NodeSpec(l.spec(), l.inputs()))
                        .toList(),
                model.output(),
                model.training());
        for (int n = 0; n < model.layers().size(); n++) {
            CheckedLayer layer = model.layers().get(n);
            if (!spec.outputShape(n).equals(layer.output()) || spec.parameterCount(n) != layer.params()) {
                throw new IllegalStateException("checker and runtime disagree on layer " + layer.name() + " of model "
                        + model.name() + ": " + layer.output() + " with " + layer.params() + " parameters against "
                        + spec.outputShape(n) + " with " + spec.parameterCount(n));
            }
        }
        return spec;
    }
}
