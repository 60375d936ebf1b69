package dev.lamina.compiler.diag;

import dev.lamina.compiler.ast.Span;
import java.util.Objects;

/** One finding of the compiler: what, where, and how to fix it ({@code hint} may be empty). */
public record Diagnostic(ErrorCode code, Span span, String message, String hint) {
    public Diagnostic {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(hint, "hint");
    }

    /** A diagnostic whose message is {@code code}'s template filled with {@code args}. */
    public static Diagnostic of(ErrorCode code, Span span, String hint, Object... args) {
        return new Diagnostic(code, span, code.message(args), hint);
    }

    public Severity severity() {
        return code.severity();
    }

    public boolean isError() {
        return code.severity() == Severity.ERROR;
    }
}
