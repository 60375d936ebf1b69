package dev.lamina.compiler;

import dev.lamina.compiler.ast.LaminaFile;
import dev.lamina.compiler.diag.Diagnostic;
import dev.lamina.compiler.diag.DiagnosticRenderer;
import dev.lamina.compiler.diag.Severity;
import dev.lamina.compiler.ir.CheckedLayer;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The result of compiling one file: its checked models (none if there is any error) and its
 * diagnostics in source order of discovery. For tools such as editors it also keeps the syntax
 * tree and the shapes the checker inferred, which exist even when the file has errors.
 */
public final class Compilation {
    private final String fileName;
    private final String sourceText;
    private final LaminaFile syntaxTree;
    private final List<CheckedLayer> inferredLayers;
    private final List<CheckedModel> models;
    private final List<Diagnostic> diagnostics;

    Compilation(
            String fileName,
            String sourceText,
            LaminaFile syntaxTree,
            List<CheckedLayer> inferredLayers,
            List<CheckedModel> models,
            List<Diagnostic> diagnostics) {
        this.fileName = Objects.requireNonNull(fileName, "fileName");
        this.sourceText = Objects.requireNonNull(sourceText, "sourceText");
        this.syntaxTree = Objects.requireNonNull(syntaxTree, "syntaxTree");
        this.inferredLayers = List.copyOf(inferredLayers);
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

    /**
     * The syntax tree: every model the parser read without a syntax error (all of them when the
     * file has none).
     */
    public LaminaFile syntaxTree() {
        return syntaxTree;
    }

    /**
     * Every layer whose shapes the checker inferred, in source order, also in models with errors
     * (a layer is missing when it, or a layer it reads, failed). Editors show these shapes while
     * the rest of a file is being fixed; everything else should use {@link #models()}.
     */
    public List<CheckedLayer> inferredLayers() {
        return inferredLayers;
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
