package dev.lamina.runtime.golden;

import dev.lamina.runtime.spec.ModelSpec;
import dev.lamina.runtime.spec.Shape;
import java.util.List;
import java.util.Optional;

/**
 * One {@code shapes-v1} case: either the expected shapes and parameter counts, or the layer index
 * and kind of the expected rejection ({@code rank}, {@code too_short}, {@code unknown_dim}, {@code
 * option}, {@code size}).
 */
public record GoldenShapeCase(
        String name,
        ModelSpec model,
        List<Shape> expectShapes,
        List<Long> expectParams,
        long expectTotalParams,
        Optional<ExpectedError> expectError) {

    public record ExpectedError(int layer, String kind) {}

    @Override
    public String toString() {
        return name;
    }
}
