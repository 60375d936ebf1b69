package dev.lamina.compiler;

import dev.lamina.compiler.ast.Span;
import dev.lamina.compiler.ir.CheckedLayer;
import dev.lamina.compiler.ir.ModelIr;
import dev.lamina.runtime.spec.InputSpec;
import dev.lamina.runtime.spec.ModelSpec;
import dev.lamina.runtime.spec.Shape;
import java.util.List;
import java.util.Objects;

/** A model that passed the checker: its graph IR (per-node shapes, derivations, spans) and its runtime spec. */
public record CheckedModel(ModelIr ir, ModelSpec spec) {
    public CheckedModel {
        Objects.requireNonNull(ir, "ir");
        Objects.requireNonNull(spec, "spec");
    }

    public String name() {
        return ir.name();
    }

    /** The model's inputs in declaration order. */
    public List<InputSpec> inputs() {
        return ir.inputs();
    }

    public List<CheckedLayer> layers() {
        return ir.layers();
    }

    public Shape outputShape() {
        return spec.outputShape();
    }

    public long totalParams() {
        return ir.totalParams();
    }

    /** Where the model is declared. */
    public Span span() {
        return ir.span();
    }
}
