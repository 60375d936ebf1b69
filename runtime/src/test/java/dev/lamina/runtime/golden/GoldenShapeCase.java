package dev.lamina.runtime.golden;

import dev.lamina.runtime.spec.Shape;
import java.util.List;
import java.util.Optional;

/**
 * One {@code shapes-v1} or {@code shapes-v2} case: either the expected shapes and parameter counts,
 * or the layer index and kind of the expected rejection ({@code rank}, {@code too_short}, {@code
 * unknown_dim}, {@code option}, {@code size}, {@code undefined}, {@code merge}). {@code model} is
 * null when the case needs something Lamina does not have yet ({@link #unsupported()}).
 */
public record GoldenShapeCase(
        String name,
        GoldenModel model,
        List<Shape> expectShapes,
        List<Long> expectParams,
        long expectTotalParams,
        Optional<ExpectedError> expectError,
        Optional<String> unsupported) {

    public record ExpectedError(int layer, String kind) {}

    @Override
    public String toString() {
        return name;
    }
}
