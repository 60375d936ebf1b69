package dev.lamina.compiler.codegen;

import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.Shape;
import java.util.List;
import java.util.stream.Collectors;

/** A writer of a layer that reads a list of tensors (the merges): one input parameter per tensor. */
abstract class ListInputWriter extends ComputingLayerWriter {
    /** The per-example shape of each input, in order. */
    protected final List<Shape> ins;

    ListInputWriter(LayerSpec layer, String prefix, List<Shape> ins, Shape out) {
        super(layer, prefix, ins.get(0), out);
        this.ins = List.copyOf(ins);
    }

    @Override
    final int arity() {
        return ins.size();
    }

    @Override
    final int inSize(int slot) {
        return ins.get(slot).size();
    }

    @Override
    final String inputShapesText() {
        return ins.stream().map(Shape::toString).collect(Collectors.joining(" and "));
    }
}
