package dev.lamina.compiler.codegen;

import dev.lamina.compiler.CheckedModel;
import dev.lamina.compiler.ir.CheckedLayer;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a checked model comes from in its {@code .lamina} text: one {@code file:line: text}
 * origin per layer, and the model's declaration for the class Javadoc. File names are reduced to
 * their last path element, so the generated source does not depend on the directory it was
 * compiled from.
 */
final class SpecOrigins {
    private SpecOrigins() {}

    /** {@code toy.lamina:4: conv1d(1, 2, use_bias=false)} for each layer, in order. */
    static List<String> layerOrigins(CheckedModel model, String sourceText) {
        String[] lines = sourceText.split("\\R", -1);
        List<String> origins = new ArrayList<>();
        for (CheckedLayer layer : model.layers()) {
            int line = layer.span().line();
            String location = fileName(layer.span().file()) + ":" + line;
            String text = line >= 1 && line <= lines.length
                    ? lines[line - 1].substring(
                            Math.min(Math.max(layer.span().column() - 1, 0), lines[line - 1].length()))
                    : "";
            origins.add(text.isBlank() ? location + ": " + layer.type() : location + ": " + text.strip());
        }
        return origins;
    }

    /**
     * The model's declaration: its lines from {@code model} to the line of the matching closing
     * brace (braces inside strings and comments do not count), or null if it cannot be found.
     */
    static String modelText(CheckedModel model, String sourceText) {
        String[] lines = sourceText.split("\\R", -1);
        int first = model.span().line() - 1;
        if (first < 0 || first >= lines.length) {
            return null;
        }
        int depth = 0;
        boolean opened = false;
        boolean inBlockComment = false;
        for (int l = first; l < lines.length; l++) {
            String line = lines[l];
            for (int i = l == first ? Math.max(model.span().column() - 1, 0) : 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (inBlockComment) {
                    if (line.startsWith("*/", i)) {
                        inBlockComment = false;
                        i++;
                    }
                } else if (line.startsWith("/*", i)) {
                    inBlockComment = true;
                    i++;
                } else if (c == '#' || line.startsWith("//", i)) {
                    break;
                } else if (c == '"' || c == '\'') {
                    int close = line.indexOf(c, i + 1);
                    i = close < 0 ? line.length() : close;
                } else if (c == '{') {
                    depth++;
                    opened = true;
                } else if (c == '}' && --depth == 0 && opened) {
                    return String.join("\n", java.util.Arrays.asList(lines).subList(first, l + 1));
                }
            }
        }
        return null;
    }

    /** The last element of a path, e.g. {@code toy.lamina} for {@code samples/toy.lamina}. */
    static String fileName(String path) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return path.substring(slash + 1);
    }
}
