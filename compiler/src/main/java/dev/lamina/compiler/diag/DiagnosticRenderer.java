package dev.lamina.compiler.diag;

import java.util.List;

/**
 * Renders a diagnostic like a C compiler: {@code file:line:col: error: message [LAM020]}, the
 * source line, a caret line under the span ({@code ^~~~}), then {@code   hint: ...}.
 */
public final class DiagnosticRenderer {
    private final List<String> lines;

    /** A renderer for diagnostics of the file with this text. */
    public DiagnosticRenderer(String sourceText) {
        this.lines = sourceText.lines().toList();
    }

    public String render(Diagnostic d) {
        StringBuilder out = new StringBuilder();
        out.append(d.span().file());
        if (d.span().line() >= 1) {
            out.append(':').append(d.span().line()).append(':').append(d.span().column());
        }
        out.append(": ")
                .append(d.severity().label())
                .append(": ")
                .append(d.message())
                .append(" [")
                .append(d.code().id())
                .append("]\n");
        int line = d.span().line();
        if (line >= 1 && line <= lines.size()) {
            String source = lines.get(line - 1).replace('\t', ' ');
            out.append(source).append('\n');
            int column = Math.max(1, Math.min(d.span().column(), source.length() + 1));
            int length = Math.max(1, Math.min(d.span().length(), source.length() - column + 1));
            out.append(" ".repeat(column - 1))
                    .append('^')
                    .append("~".repeat(length - 1))
                    .append('\n');
        }
        if (!d.hint().isEmpty()) {
            out.append("  hint: ").append(d.hint()).append('\n');
        }
        return out.toString();
    }
}
