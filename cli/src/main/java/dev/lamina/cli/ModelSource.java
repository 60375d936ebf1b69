package dev.lamina.cli;

/**
 * The source text of one model inside a {@code .lamina} file: from the start of the line where its
 * declaration begins to its closing brace, skipping braces inside comments and strings.
 */
final class ModelSource {
    private ModelSource() {}

    /** The model declared at {@code line} (from 1) of {@code text}. */
    static String at(String text, int line) {
        int start = 0;
        for (int l = 1; l < line && start >= 0; l++) {
            start = text.indexOf('\n', start);
            start = start < 0 ? -1 : start + 1;
        }
        if (start < 0) {
            return text;
        }
        int depth = 0;
        int i = start;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '/' && text.startsWith("//", i) || c == '#') {
                i = endOfLine(text, i);
            } else if (c == '/' && text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 ? text.length() : end + 2;
            } else if (c == '"' || c == '\'') {
                int end = text.indexOf(c, i + 1);
                i = end < 0 || end > endOfLine(text, i) ? endOfLine(text, i) : end + 1;
            } else {
                if (c == '{') {
                    depth++;
                } else if (c == '}' && --depth == 0) {
                    return text.substring(start, i + 1);
                }
                i++;
            }
        }
        return text.substring(start).stripTrailing();
    }

    private static int endOfLine(String text, int from) {
        int end = text.indexOf('\n', from);
        return end < 0 ? text.length() : end;
    }
}
