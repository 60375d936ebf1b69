package dev.lamina.lsp;

import dev.lamina.lsp.Scanner.Kind;
import dev.lamina.lsp.Scanner.Token;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What may be typed at a cursor, read from the tokens before it, so that it works on half-typed
 * text that does not parse: a layer or tensor name at the start of a statement, an option name or
 * value inside a layer's or optimizer's parentheses, a loss or optimizer in a {@code train}
 * section, a keyword.
 */
record CompletionContext(
        Place place,
        Optional<String> model,
        Optional<String> owner,
        boolean ownerIsOptimizer,
        Optional<String> option,
        Set<String> givenOptions,
        int positionalArguments,
        boolean keywordGiven,
        List<String> tensors) {
    /** Where the cursor is. */
    enum Place {
        /** Inside a comment or a string, or where nothing can be completed. */
        NOTHING,
        /** Outside models: {@code model}. */
        TOP,
        /** The start of a statement (or of an input, or the training section). */
        STATEMENT,
        /** After {@code ->}: a layer. */
        LAYER,
        /** After {@code name =}: a source tensor or a layer. */
        BINDING,
        /** In a bracketed source list: a tensor. */
        SOURCE_LIST,
        /** After an input's dimensions: {@code int}, {@code float}, or a statement. */
        AFTER_INPUT,
        /** At an argument of {@code owner}: an option name (or a value of the next positional option). */
        ARGUMENT,
        /** After {@code option=} of {@code owner}: a value. */
        VALUE,
        /** A training section's line: {@code loss} or {@code optimizer}. */
        SETTING,
        /** After {@code loss}. */
        LOSS,
        /** After {@code optimizer}. */
        OPTIMIZER
    }

    /**
     * An open parenthesis or bracket: which, the name before it, whether it holds an input's
     * dimensions, the index of its token and of the first token of its current argument.
     */
    private static final class Group {
        final char kind;
        final Optional<String> owner;
        final boolean inputDims;
        final int open;
        int argumentStart;

        Group(char kind, Optional<String> owner, boolean inputDims, int open) {
            this.kind = kind;
            this.owner = owner;
            this.inputDims = inputDims;
            this.open = open;
            this.argumentStart = open + 1;
        }
    }

    static CompletionContext at(String text, int offset) {
        List<Token> all = Scanner.tokens(text);
        List<Token> before = new ArrayList<>();
        for (Token token : all) {
            if (token.start() >= offset) {
                break;
            }
            boolean containsCursor = offset < token.end() || offset == token.end() && token.kind() == Kind.LINE_COMMENT;
            if (token.isComment() && containsCursor
                    || token.kind() == Kind.STRING && offset < token.end()
                    || token.kind() == Kind.BLOCK_COMMENT && !token.text().endsWith("*/")) {
                return nothing();
            }
            boolean partial = token.end() == offset
                    && (token.kind() == Kind.NAME || token.kind() == Kind.OPEN_STRING || token.kind() == Kind.NUMBER);
            if (!partial && !token.isComment()) {
                before.add(token);
            }
        }
        int cursorLine = lineOf(text, offset);
        return read(before, cursorLine);
    }

    private static CompletionContext read(List<Token> tokens, int cursorLine) {
        int depth = 0;
        int trainDepth = -1;
        Optional<String> model = Optional.empty();
        Deque<Group> groups = new ArrayDeque<>();
        Set<String> tensors = new LinkedHashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            Token previous = i > 0 ? tokens.get(i - 1) : null;
            Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
            if (token.isName("model") && depth == 0) {
                model = next != null && next.kind() == Kind.NAME ? Optional.of(next.text()) : Optional.empty();
                tensors.clear();
                groups.clear();
            } else if (token.is("{")) {
                groups.clear();
                depth++;
                if (previous != null && previous.isName("train")) {
                    trainDepth = depth;
                }
            } else if (token.is("}")) {
                groups.clear();
                if (depth == trainDepth) {
                    trainDepth = -1;
                }
                depth = Math.max(0, depth - 1);
                if (depth == 0) {
                    model = Optional.empty();
                }
            } else if (token.is("(") || token.is("[")) {
                Optional<String> owner = previous != null && previous.kind() == Kind.NAME
                        ? Optional.of(previous.text())
                        : Optional.empty();
                boolean inputDims = previous != null
                        && (previous.isName("input")
                                || i >= 2 && tokens.get(i - 2).isName("input"));
                groups.push(new Group(token.text().charAt(0), owner, inputDims, i));
            } else if ((token.is(")") || token.is("]")) && !groups.isEmpty()) {
                groups.pop();
            } else if (token.is(",") && !groups.isEmpty()) {
                groups.peek().argumentStart = i + 1;
            } else if (token.isName("input") || token.isName("train")) {
                groups.clear();
            } else if (depth == 1 && trainDepth < 0 && groups.isEmpty() && token.line() != cursorLine) {
                if (token.kind() == Kind.NAME && next != null && next.is("=")) {
                    tensors.add(token.text());
                } else if (token.kind() == Kind.NAME && previous != null && previous.isName("input")) {
                    tensors.add(token.text());
                }
            }
        }
        List<String> scope = List.copyOf(tensors);
        Token last = tokens.isEmpty() ? null : tokens.get(tokens.size() - 1);
        if (!groups.isEmpty()) {
            return inGroup(tokens, groups.peek(), trainDepth >= 0, model, scope);
        }
        if (depth == 0) {
            return last != null && last.isName("model") ? nothing() : simple(Place.TOP, model, scope);
        }
        if (trainDepth >= 0) {
            if (last != null && last.isName("loss")) {
                return simple(Place.LOSS, model, scope);
            }
            if (last != null && last.isName("optimizer")) {
                return simple(Place.OPTIMIZER, model, scope);
            }
            return simple(Place.SETTING, model, scope);
        }
        if (last == null || last.is("{")) {
            return simple(depth == 1 ? Place.STATEMENT : Place.NOTHING, model, scope);
        }
        if (last.is("->")) {
            return simple(Place.LAYER, model, scope);
        }
        if (last.is("=")) {
            return simple(Place.BINDING, model, scope);
        }
        if (last.isName("input") || last.isName("train") || last.isName("model")) {
            return nothing();
        }
        Token beforeLast = tokens.size() > 1 ? tokens.get(tokens.size() - 2) : null;
        if (last.kind() == Kind.NAME && beforeLast != null && beforeLast.isName("input")) {
            return nothing();
        }
        if (last.is("]") && closesInputDims(tokens)) {
            return simple(Place.AFTER_INPUT, model, scope);
        }
        return simple(Place.STATEMENT, model, scope);
    }

    private static CompletionContext inGroup(
            List<Token> tokens, Group group, boolean inTrain, Optional<String> model, List<String> scope) {
        if (group.kind == '[') {
            boolean source = !group.inputDims && group.owner.isEmpty() && !inTrain;
            return simple(source ? Place.SOURCE_LIST : Place.NOTHING, model, scope);
        }
        if (group.owner.isEmpty()) {
            return nothing();
        }
        // the arguments written before the current one, at this level
        Set<String> given = new LinkedHashSet<>();
        int positional = 0;
        boolean keyword = false;
        int level = 0;
        for (int i = group.open + 1; i < group.argumentStart; i++) {
            Token t = tokens.get(i);
            if (t.is("(") || t.is("[")) {
                level++;
            } else if (t.is(")") || t.is("]")) {
                level--;
            } else if (level == 0 && t.kind() == Kind.NAME && tokens.get(i + 1).is("=")) {
                given.add(t.text());
                keyword = true;
            } else if (level == 0 && t.is(",") && !keyword) {
                positional++;
            }
        }
        List<Token> argument = tokens.subList(group.argumentStart, tokens.size());
        if (argument.size() == 2
                && argument.get(0).kind() == Kind.NAME
                && argument.get(1).is("=")) {
            return new CompletionContext(
                    Place.VALUE,
                    model,
                    group.owner,
                    inTrain,
                    Optional.of(argument.get(0).text()),
                    given,
                    positional,
                    keyword,
                    scope);
        }
        if (!argument.isEmpty()) {
            return nothing();
        }
        return new CompletionContext(
                Place.ARGUMENT, model, group.owner, inTrain, Optional.empty(), given, positional, keyword, scope);
    }

    /** True when the last token closes the dimension list of an {@code input}. */
    private static boolean closesInputDims(List<Token> tokens) {
        for (int i = tokens.size() - 2; i >= 0; i--) {
            if (tokens.get(i).is("[")) {
                Token before = i > 0 ? tokens.get(i - 1) : null;
                return before != null
                        && (before.isName("input")
                                || i >= 2 && tokens.get(i - 2).isName("input"));
            }
            if (tokens.get(i).is("]")) {
                return false;
            }
        }
        return false;
    }

    private static int lineOf(String text, int offset) {
        int line = 0;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static CompletionContext simple(Place place, Optional<String> model, List<String> tensors) {
        return new CompletionContext(
                place, model, Optional.empty(), false, Optional.empty(), Set.of(), 0, false, tensors);
    }

    private static CompletionContext nothing() {
        return simple(Place.NOTHING, Optional.empty(), List.of());
    }
}
