package dev.lamina.cli;

import dev.lamina.runtime.spec.Shape;
import java.util.Locale;

/** Formatting shared by summary and explain. */
final class BatchShapes {
    private BatchShapes() {}

    /** A per-example shape with Keras's batch axis in front: {@code (None, 502, 100)}. */
    static String withBatch(Shape shape) {
        String inner = shape.toString();
        return "(None, " + inner.substring(1, inner.length() - 1).replaceAll(",$", "") + ")";
    }

    /** {@code 519,164}. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
