package dev.lamina.compiler.parse;

import dev.lamina.compiler.ast.LaminaFile;
import dev.lamina.compiler.ast.Span;
import dev.lamina.compiler.diag.Diagnostic;
import dev.lamina.compiler.diag.ErrorCode;
import dev.lamina.grammar.LaminaLexer;
import dev.lamina.grammar.LaminaParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ErrorNode;
import org.antlr.v4.runtime.tree.ParseTree;

/**
 * Parses {@code .lamina} text into a syntax tree. Lexical and syntax errors become diagnostics
 * (the ANTLR console listeners are removed). After a syntax error the tree holds the models the
 * parser read without one (its error recovery resumes at the next model), so the checker can still
 * report on them; a model with a syntax error is left out whole.
 */
public final class SourceParser {
    private SourceParser() {}

    public static ParseResult parse(String fileName, String text) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        LaminaLexer lexer = new LaminaLexer(CharStreams.fromString(text, fileName));
        lexer.removeErrorListeners();
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();
        for (Token token : tokens.getTokens()) {
            if (token.getType() == LaminaLexer.BAD_CHAR) {
                diagnostics.add(Diagnostic.of(
                        ErrorCode.BAD_CHARACTER,
                        new Span(fileName, token.getLine(), token.getCharPositionInLine() + 1, 1),
                        "remove it; comments start with // or #",
                        token.getText()));
            }
        }
        Optional<Diagnostic> tooDeep = NestingLimit.check(fileName, tokens.getTokens());
        if (tooDeep.isPresent()) {
            diagnostics.add(tooDeep.get());
            return new ParseResult(new LaminaFile(List.of(), new Span(fileName, 1, 1, 0)), diagnostics);
        }
        LaminaParser parser = new LaminaParser(tokens);
        parser.removeErrorListeners();
        parser.addErrorListener(new BaseErrorListener() {
            @Override
            public void syntaxError(
                    Recognizer<?, ?> recognizer,
                    Object offending,
                    int line,
                    int column,
                    String message,
                    RecognitionException e) {
                int length = 1;
                if (offending instanceof Token token && token.getType() != Token.EOF) {
                    length = Math.max(1, token.getText().length());
                }
                diagnostics.add(Diagnostic.of(
                        ErrorCode.SYNTAX,
                        new Span(fileName, line, column + 1, length),
                        SyntaxHints.hintFor(message),
                        SyntaxHints.describe(message)));
            }
        });
        LaminaParser.FileContext tree = parser.file();
        boolean clean = diagnostics.isEmpty();
        LaminaFile file = new AstBuilder(fileName).file(tree, model -> clean || parsedWithoutError(model));
        return new ParseResult(file, diagnostics);
    }

    /**
     * True when the parser's error recovery left no trace in {@code tree}: no rule ended in an
     * exception, no token was skipped or conjured (both become error nodes).
     */
    private static boolean parsedWithoutError(ParseTree tree) {
        if (tree instanceof ErrorNode) {
            return false;
        }
        if (tree instanceof ParserRuleContext rule && rule.exception != null) {
            return false;
        }
        for (int i = 0; i < tree.getChildCount(); i++) {
            if (!parsedWithoutError(tree.getChild(i))) {
                return false;
            }
        }
        return true;
    }
}
