package dev.lamina.lsp;

import dev.lamina.compiler.ast.AstPrinter;
import dev.lamina.compiler.parse.ParseResult;
import dev.lamina.compiler.parse.SourceParser;
import dev.lamina.lsp.Scanner.Kind;
import dev.lamina.lsp.Scanner.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lays out a file that parses in the canonical layout of {@link AstPrinter} (a model's inputs,
 * statements and training settings one per line, two spaces per level, {@code key=value}
 * arguments, {@code , } and {@code ->} spaced) while keeping every comment: a comment at the end of
 * a line stays there, one on its own line stays on its own line, one inside a statement stays
 * inside it. One blank line between lines is kept, more are joined, and models are separated by
 * one. Only whitespace and the {@code ;} separators of training sections change, so formatting
 * twice gives the same text; a result that would not parse to the same models is never returned.
 */
final class Formatter {
    private static final String INDENT = "  ";

    /** A line of the layout: tokens {@code first..last} (indexes into all tokens) at an indent level. */
    private record Unit(int first, int last, int indent, boolean opens, boolean closes, boolean statement) {}

    private final List<Token> tokens;
    private final List<Unit> units = new ArrayList<>();
    private int next;

    private Formatter(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** The formatted text, or empty when {@code text} does not parse. */
    static Optional<String> format(String text) {
        ParseResult original = SourceParser.parse("format", text);
        if (!original.diagnostics().isEmpty()) {
            return Optional.empty();
        }
        Formatter formatter = new Formatter(Scanner.tokens(text));
        if (!formatter.file()) {
            return Optional.empty();
        }
        String formatted = formatter.emit();
        ParseResult result = SourceParser.parse("format", formatted);
        if (!result.diagnostics().isEmpty()
                || !AstPrinter.print(result.file()).equals(AstPrinter.print(original.file()))
                || !comments(formatted).equals(comments(text))) {
            throw new IllegalStateException("formatting changed the meaning of the file; it is left as it is");
        }
        return Optional.of(formatted);
    }

    private static List<String> comments(String text) {
        return Scanner.tokens(text).stream()
                .filter(Token::isComment)
                .map(Token::text)
                .toList();
    }

    // ---- reading the structure: every unit of the layout, in order

    private boolean file() {
        skipComments();
        while (next < tokens.size()) {
            if (!model()) {
                return false;
            }
            skipComments();
        }
        return true;
    }

    private boolean model() {
        int first = next;
        if (!expectName("model") || !expectKind(Kind.NAME) || !expect("{")) {
            return false;
        }
        units.add(new Unit(first, next - 1, 0, true, false, false));
        while (true) {
            skipComments();
            if (next >= tokens.size()) {
                return false;
            }
            Token token = tokens.get(next);
            if (token.is("}")) {
                units.add(new Unit(next, next, 0, false, true, false));
                next++;
                return true;
            }
            boolean read = token.isName("input") ? input() : token.isName("train") ? train() : statement();
            if (!read) {
                return false;
            }
        }
    }

    private boolean input() {
        int first = next;
        next++;
        skipComments();
        if (peekKind(Kind.NAME)) {
            next++;
            skipComments();
        }
        if (!balanced("[", "]")) {
            return false;
        }
        int last = next - 1;
        int after = nextSignificant(next);
        if (after < tokens.size()
                && (tokens.get(after).isName("int") || tokens.get(after).isName("float"))) {
            last = after;
            next = after + 1;
        }
        units.add(new Unit(first, last, 1, false, false, false));
        return true;
    }

    private boolean train() {
        int first = next;
        next++;
        skipComments();
        if (!expect("{")) {
            return false;
        }
        units.add(new Unit(first, next - 1, 1, true, false, false));
        while (true) {
            skipSeparators();
            if (next >= tokens.size()) {
                return false;
            }
            if (tokens.get(next).is("}")) {
                units.add(new Unit(next, next, 1, false, true, false));
                next++;
                return true;
            }
            int itemFirst = next;
            if (!expectKind(Kind.NAME)) {
                return false;
            }
            skipComments();
            if (!expectKind(Kind.NAME)) {
                return false;
            }
            int last = next - 1;
            int after = nextSignificant(next);
            if (after < tokens.size() && tokens.get(after).is("(")) {
                next = after;
                if (!balanced("(", ")")) {
                    return false;
                }
                last = next - 1;
            }
            units.add(new Unit(itemFirst, last, 2, false, false, false));
        }
    }

    /** {@code [name =] element (-> element)*}, where an element is a name with optional arguments or a list. */
    private boolean statement() {
        int first = next;
        int after = nextSignificant(next + 1);
        if (peekKind(Kind.NAME) && after < tokens.size() && tokens.get(after).is("=")) {
            next = after + 1;
            skipComments();
        }
        while (true) {
            if (peek("[")) {
                if (!balanced("[", "]")) {
                    return false;
                }
            } else if (expectKind(Kind.NAME)) {
                int open = nextSignificant(next);
                if (open < tokens.size() && tokens.get(open).is("(")) {
                    next = open;
                    if (!balanced("(", ")")) {
                        return false;
                    }
                }
            } else {
                return false;
            }
            int arrow = nextSignificant(next);
            if (arrow < tokens.size() && tokens.get(arrow).is("->")) {
                next = arrow + 1;
                skipComments();
            } else {
                units.add(new Unit(first, next - 1, 1, false, false, true));
                return true;
            }
        }
    }

    /** Reads from an opening token to its matching close, comments included. */
    private boolean balanced(String open, String close) {
        if (!peek(open)) {
            return false;
        }
        int depth = 0;
        while (next < tokens.size()) {
            Token token = tokens.get(next++);
            if (token.is("(") || token.is("[")) {
                depth++;
            } else if (token.is(")") || token.is("]")) {
                depth--;
                if (depth == 0) {
                    return token.is(close);
                }
            }
        }
        return false;
    }

    private int nextSignificant(int from) {
        int i = from;
        while (i < tokens.size() && tokens.get(i).isComment()) {
            i++;
        }
        return i;
    }

    private void skipComments() {
        next = nextSignificant(next);
    }

    private void skipSeparators() {
        while (next < tokens.size()
                && (tokens.get(next).isComment() || tokens.get(next).is(";"))) {
            next++;
        }
    }

    private boolean peek(String punct) {
        return next < tokens.size() && tokens.get(next).is(punct);
    }

    private boolean peekKind(Kind kind) {
        return next < tokens.size() && tokens.get(next).kind() == kind;
    }

    private boolean expect(String punct) {
        skipComments();
        if (!peek(punct)) {
            return false;
        }
        next++;
        return true;
    }

    private boolean expectName(String name) {
        skipComments();
        if (next >= tokens.size() || !tokens.get(next).isName(name)) {
            return false;
        }
        next++;
        return true;
    }

    private boolean expectKind(Kind kind) {
        skipComments();
        if (!peekKind(kind)) {
            return false;
        }
        next++;
        return true;
    }

    // ---- writing the layout

    private final StringBuilder out = new StringBuilder();
    /** The source line the last written token ended on; -1 before the first. */
    private int lastLine = -1;
    /** True right after an opening unit ({@code model M {}), whose contents start without a blank line. */
    private boolean afterOpening;
    /** True right after a model's closing brace: what follows at the top level starts after a blank line. */
    private boolean afterModel;

    private String emit() {
        int position = 0;
        for (Unit unit : units) {
            comments(position, unit.first(), unit);
            newLine(tokens.get(unit.first()).line(), unit.indent(), unit.closes());
            unitText(unit);
            position = unit.last() + 1;
            afterOpening = unit.opens();
            afterModel = unit.closes() && unit.indent() == 0;
        }
        comments(position, tokens.size(), null);
        return out.append('\n').toString();
    }

    /**
     * Writes the comments between two units ({@code next} is the next one, null at the end): one on
     * the line of the last written token stays at the end of that line, the others get lines of
     * their own, indented like the next unit (like the contents, before a closing brace).
     */
    private void comments(int from, int to, Unit next) {
        for (int i = from; i < to; i++) {
            Token token = tokens.get(i);
            if (!token.isComment()) {
                continue; // the separators of a training section
            }
            if (token.line() == lastLine) {
                out.append(INDENT).append(token.text());
            } else {
                int indent = next == null ? 0 : next.closes() ? next.indent() + 1 : next.indent();
                newLine(token.line(), indent, false);
                out.append(token.text());
            }
            lastLine = token.line() + token.lineBreaks();
        }
    }

    /**
     * Starts a line at {@code indent} for a token on {@code sourceLine}: after a blank line when the
     * source has one there (not right after an opening or before a closing brace), and always
     * between a model and what follows it.
     */
    private void newLine(int sourceLine, int indent, boolean closing) {
        if (out.length() > 0) {
            boolean sourceBlank = lastLine >= 0 && sourceLine - lastLine >= 2 && !afterOpening && !closing;
            out.append('\n');
            if (sourceBlank || afterModel) {
                out.append('\n');
            }
        }
        afterOpening = false;
        afterModel = false;
        out.append(INDENT.repeat(indent));
    }

    /** A unit's tokens on one line, with canonical spaces; a line comment inside continues it on the next line. */
    private void unitText(Unit unit) {
        int depth = 0;
        Token before = null;
        for (int i = unit.first(); i <= unit.last(); i++) {
            Token token = tokens.get(i);
            if (token.kind() == Kind.LINE_COMMENT) {
                out.append(INDENT).append(token.text());
                out.append('\n').append(INDENT.repeat(unit.indent() + 2));
                before = null;
                continue;
            }
            if (before != null && space(before, token, depth, unit.statement())) {
                out.append(' ');
            }
            out.append(token.text());
            if (token.is("(") || token.is("[")) {
                depth++;
            } else if (token.is(")") || token.is("]")) {
                depth--;
            }
            before = token;
            lastLine = token.line() + token.lineBreaks();
        }
    }

    /** Whether a space separates two tokens of a line. */
    private static boolean space(Token a, Token b, int depth, boolean statement) {
        if (b.is(",") || b.is(")") || b.is("]") || a.is("(") || a.is("[")) {
            return false;
        }
        if (a.isComment() || b.isComment()) {
            return true;
        }
        if (b.is("(")) {
            return a.kind() != Kind.NAME;
        }
        if (a.is("=") || b.is("=")) {
            return depth == 0 && statement;
        }
        return true;
    }
}
