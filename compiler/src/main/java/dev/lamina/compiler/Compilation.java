package dev.lamina.compiler;

import dev.lamina.compiler.diag.Diagnostic;
import dev.lamina.compiler.diag.DiagnosticRenderer;
import dev.lamina.compiler.diag.Severity;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The result of compiling one file: its checked models (none if there is any error) and its
 * diagnostics in source order of discovery.
 */
public final class Compilation {
    private final String fileName;
    private final String sourceText;
    private final List<CheckedModel> models;
    private final List<Diagnostic> diagnostics;

    Compilation(String fileName, String sourceText, List<CheckedModel> models, List<Diagnostic> diagnostics) {
        this.fileName = Objects.requireNonNull(fileName, "fileName");
        this.sourceText = Objects.requireNonNull(sourceText, "sourceText");
        this.models = List.copyOf(models);
        this.diagnostics = List.copyOf(diagnostics);
    }

    public String fileName() {
        return fileName;
    }

    /**
     * The text that was compiled, with {@code \n} line endings and no byte-order mark (empty when
     * the file could not be read; with U+FFFD for each byte sequence that is not UTF-8).
     */
    public String sourceText() {
        return sourceText;
    }

    public List<CheckedModel> models() {
        return models;
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    public boolean hasErrors() {
        return errorCount() > 0;
    }

    public long errorCount() {
        return diagnostics.stream().filter(d -> d.severity() == Severity.ERROR).count();
    }

    public long warningCount() {
        return diagnostics.stream()
                .filter(d -> d.severity() == Severity.WARNING)
                .count();
    }

    /** Every diagnostic rendered with its source line and caret, in order. */
    public String render() {
        DiagnosticRenderer renderer = new DiagnosticRenderer(sourceText);
        return diagnostics.stream().map(renderer::render).collect(Collectors.joining());
    }
}
