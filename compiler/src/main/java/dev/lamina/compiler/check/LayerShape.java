package dev.lamina.compiler.check;

import dev.lamina.runtime.spec.Shape;
import java.util.List;

/** What shape inference found for one layer: output shape, parameter count and their derivation. */
record LayerShape(Shape output, long params, List<String> derivation) {
    LayerShape {
        derivation = List.copyOf(derivation);
    }
}
