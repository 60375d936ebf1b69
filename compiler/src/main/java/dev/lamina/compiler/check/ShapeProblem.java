package dev.lamina.compiler.check;

import dev.lamina.compiler.diag.ErrorCode;

/** A layer that cannot take its input shape: the code, message and fixing hint of the diagnostic. */
final class ShapeProblem extends Exception {
    private static final long serialVersionUID = 1L;

    final ErrorCode code;
    final String hint;

    /** A problem whose message is {@code code}'s template filled with {@code args}. */
    static ShapeProblem of(ErrorCode code, String hint, Object... args) {
        return new ShapeProblem(code, code.message(args), hint);
    }

    ShapeProblem(ErrorCode code, String message, String hint) {
        super(message, null, false, false);
        this.code = code;
        this.hint = hint;
    }
}
