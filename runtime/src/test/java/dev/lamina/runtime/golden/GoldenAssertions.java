package dev.lamina.runtime.golden;

import java.util.ArrayList;
import java.util.List;

/** Compares computed values with golden ones under a {@link Tolerance}, listing the mismatches. */
public final class GoldenAssertions {
    private GoldenAssertions() {}

    /** Throws an {@link AssertionError} naming {@code what} and the first mismatching indices. */
    public static void assertClose(String what, float[] actual, Tensor expected, Tolerance tolerance) {
        double[] e = expected.data();
        if (actual.length != e.length) {
            throw new AssertionError(what + ": " + actual.length + " values, expected " + e.length);
        }
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < e.length; i++) {
            if (!tolerance.matches(actual[i], e[i])) {
                mismatches.add("[" + i + "] " + actual[i] + " vs " + e[i]);
            }
        }
        if (!mismatches.isEmpty()) {
            throw new AssertionError(what + ": " + mismatches.size() + " of " + e.length + " values differ ("
                    + tolerance + "): " + String.join(", ", mismatches.subList(0, Math.min(6, mismatches.size()))));
        }
    }

    /** Throws an {@link AssertionError} naming {@code what} when a scalar does not match. */
    public static void assertClose(String what, double actual, double expected, Tolerance tolerance) {
        if (!tolerance.matches(actual, expected)) {
            throw new AssertionError(what + ": " + actual + " vs expected " + expected + " (" + tolerance + ")");
        }
    }
}
