package dev.lamina.lsp;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits {@code .lamina} text into tokens the way the grammar's lexer does, but keeps comments and
 * never fails: completion reads half-typed text with it, and the formatter re-lays out tokens with
 * their comments. Offsets are UTF-16 indexes into the text.
 */
final class Scanner {
    /** What a token is. */
    enum Kind {
        NAME,
        NUMBER,
        STRING,
        /** A string whose closing quote is missing (only while typing). */
        OPEN_STRING,
        LINE_COMMENT,
        BLOCK_COMMENT,
        PUNCT,
        /** A character no token starts with. */
        OTHER
    }

    /** One token: its kind, text and where it starts, and the 0-based line it starts on. */
    record Token(Kind kind, String text, int start, int line) {
        int end() {
            return start + text.length();
        }

        boolean is(String punct) {
            return kind == Kind.PUNCT && text.equals(punct);
        }

        boolean isName(String name) {
            return kind == Kind.NAME && text.equals(name);
        }

        boolean isComment() {
            return kind == Kind.LINE_COMMENT || kind == Kind.BLOCK_COMMENT;
        }

        /** The number of line breaks inside the token (block comments only). */
        int lineBreaks() {
            return (int) text.chars().filter(c -> c == '\n').count();
        }
    }

    private final String text;
    private int pos;
    private int line;

    private Scanner(String text) {
        this.text = text;
    }

    /** Every token of {@code text}, comments included, whitespace left out. */
    static List<Token> tokens(String text) {
        return new Scanner(text).scan();
    }

    private List<Token> scan() {
        List<Token> tokens = new ArrayList<>();
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n') {
                line++;
                pos++;
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else {
                int start = pos;
                int startLine = line;
                Kind kind = token(c);
                tokens.add(new Token(kind, text.substring(start, pos), start, startLine));
            }
        }
        return tokens;
    }

    /** Reads one token starting with {@code c} and returns its kind. */
    private Kind token(char c) {
        if (c == '/' && next(1) == '/' || c == '#') {
            while (pos < text.length() && text.charAt(pos) != '\n' && text.charAt(pos) != '\r') {
                pos++;
            }
            return Kind.LINE_COMMENT;
        }
        if (c == '/' && next(1) == '*') {
            int close = text.indexOf("*/", pos + 2);
            int end = close < 0 ? text.length() : close + 2;
            for (int i = pos; i < end; i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                }
            }
            pos = end;
            return Kind.BLOCK_COMMENT;
        }
        if (isNameStart(c)) {
            pos++;
            while (pos < text.length() && isNamePart(text.charAt(pos))) {
                pos++;
            }
            return Kind.NAME;
        }
        if (c == '"' || c == '\'') {
            int i = pos + 1;
            while (i < text.length() && text.charAt(i) != c && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                i++;
            }
            boolean closed = i < text.length() && text.charAt(i) == c;
            pos = closed ? i + 1 : i;
            return closed ? Kind.STRING : Kind.OPEN_STRING;
        }
        if (c == '-' && next(1) == '>') {
            pos += 2;
            return Kind.PUNCT;
        }
        if (number()) {
            return Kind.NUMBER;
        }
        pos++;
        return "{}()[],=;".indexOf(c) >= 0 ? Kind.PUNCT : Kind.OTHER;
    }

    /** Reads a number as the grammar spells them ({@code -3}, {@code 0.5}, {@code .5}, {@code 1e-7}), if one starts here. */
    private boolean number() {
        int i = pos;
        if (charAt(i) == '-') {
            i++;
        }
        int digits = digits(i);
        boolean fraction = false;
        int end = i + digits;
        if (charAt(end) == '.' && (digits > 0 || Character.isDigit(charAt(end + 1)))) {
            fraction = true;
            end += 1 + digits(end + 1);
        }
        if (digits == 0 && !fraction) {
            return false;
        }
        if (charAt(end) == 'e' || charAt(end) == 'E') {
            int e = end + 1;
            if (charAt(e) == '+' || charAt(e) == '-') {
                e++;
            }
            if (digits(e) > 0) {
                end = e + digits(e);
            }
        }
        pos = end;
        return true;
    }

    private int digits(int from) {
        int i = from;
        while (Character.isDigit(charAt(i)) && charAt(i) < 128) {
            i++;
        }
        return i - from;
    }

    private char charAt(int i) {
        return i < text.length() ? text.charAt(i) : '\0';
    }

    private char next(int ahead) {
        return charAt(pos + ahead);
    }

    static boolean isNameStart(char c) {
        return c < 128 && (Character.isLetter(c) || c == '_');
    }

    static boolean isNamePart(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '_');
    }
}
