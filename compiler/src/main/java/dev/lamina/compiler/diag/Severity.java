package dev.lamina.compiler.diag;

import java.util.Locale;

/** Errors stop the compilation; warnings point at a likely mistake but let it through. */
public enum Severity {
    ERROR,
    WARNING;

    /** {@code error} or {@code warning}, as rendered. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
