package dev.lamina.keras;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes the imported model as a readable {@code .lamina} spec: a header saying where it comes
 * from, the input, one line per layer with its Keras name, and a comment wherever a Keras option
 * had to be mapped. A chain of layers is written in the sequential syntax.
 */
final class SpecWriter {
    /** Comments start at this column at most, so a long line does not push every comment right. */
    private static final int MAX_COMMENT_COLUMN = 64;

    private final List<String> header = new ArrayList<>();
    private final List<String[]> lines = new ArrayList<>();

    /** A {@code //} line above the model. */
    SpecWriter header(String line) {
        header.add(line);
        return this;
    }

    /** A line of the model's body with its comment (empty for none). */
    SpecWriter line(String code, String comment) {
        lines.add(new String[] {code, comment});
        return this;
    }

    /** The layer's line, its notes as the comment. */
    SpecWriter layer(LaminaLayer layer) {
        return line(layer.text(), String.join("; ", layer.notes()));
    }

    /** The spec of model {@code name} with the lines so far. */
    String write(String name) {
        int column = 0;
        for (String[] line : lines) {
            if (!line[1].isEmpty()) {
                column = Math.max(column, line[0].length());
            }
        }
        column = Math.min(column, MAX_COMMENT_COLUMN);
        StringBuilder text = new StringBuilder();
        for (String line : header) {
            text.append("// ").append(line).append('\n');
        }
        text.append("model ").append(name).append(" {\n");
        for (String[] line : lines) {
            text.append("  ").append(line[0]);
            if (!line[1].isEmpty()) {
                text.append(" ".repeat(Math.max(1, column - line[0].length() + 1)))
                        .append(" // ")
                        .append(line[1]);
            }
            text.append('\n');
        }
        return text.append("}\n").toString();
    }
}
