package dev.lamina.runtime.golden;

/** A value {@code a} matches an expected {@code b} when {@code |a - b| <= atol + rtol * |b|}. */
public record Tolerance(double rtol, double atol) {
    public boolean matches(double actual, double expected) {
        return Math.abs(actual - expected) <= atol + rtol * Math.abs(expected);
    }
}
