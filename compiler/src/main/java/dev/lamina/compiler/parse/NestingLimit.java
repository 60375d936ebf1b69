package dev.lamina.compiler.parse;

import dev.lamina.compiler.ast.Span;
import dev.lamina.compiler.diag.Diagnostic;
import dev.lamina.compiler.diag.ErrorCode;
import dev.lamina.grammar.LaminaLexer;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.Token;

/**
 * Refuses text nested more deeply than any spec needs before it is parsed: the parser, the
 * syntax-tree builder and the printer recurse once per bracket, so thousands of nested {@code [}
 * would overflow the stack instead of giving a diagnostic.
 */
final class NestingLimit {
    /** Brackets, parentheses and braces open at once; real specs need 3. */
    static final int MAX_DEPTH = 64;

    private NestingLimit() {}

    /** The diagnostic at the first opening beyond {@link #MAX_DEPTH}, if any. */
    static Optional<Diagnostic> check(String fileName, List<Token> tokens) {
        int depth = 0;
        for (Token token : tokens) {
            switch (token.getType()) {
                case LaminaLexer.LBRACK, LaminaLexer.LPAREN, LaminaLexer.LBRACE -> {
                    if (++depth > MAX_DEPTH) {
                        return Optional.of(Diagnostic.of(
                                ErrorCode.NESTED_TOO_DEEPLY,
                                new Span(fileName, token.getLine(), token.getCharPositionInLine() + 1, 1),
                                "a spec needs at most 3 levels (a model's braces, a layer's parentheses, a list)",
                                MAX_DEPTH));
                    }
                }
                case LaminaLexer.RBRACK, LaminaLexer.RPAREN, LaminaLexer.RBRACE -> depth = Math.max(0, depth - 1);
                default -> {}
            }
        }
        return Optional.empty();
    }
}
