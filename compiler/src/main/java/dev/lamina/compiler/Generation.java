package dev.lamina.compiler;

import dev.lamina.compiler.codegen.GeneratedModel;
import dev.lamina.compiler.diag.Diagnostic;
import dev.lamina.compiler.diag.DiagnosticRenderer;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The result of generating the classes of compiled models: every source (none if there is any
 * error) and the diagnostics of generation, each positioned in its spec file.
 */
public record Generation(List<GeneratedModel> sources, List<Diagnostic> diagnostics, Map<String, String> texts) {
    public Generation {
        sources = List.copyOf(sources);
        diagnostics = List.copyOf(diagnostics);
        texts = Map.copyOf(texts);
    }

    public boolean hasErrors() {
        return errorCount() > 0;
    }

    public long errorCount() {
        return diagnostics.stream().filter(Diagnostic::isError).count();
    }

    /** Every diagnostic rendered with its source line and caret, in order. */
    public String render() {
        return diagnostics.stream()
                .map(d -> new DiagnosticRenderer(texts.getOrDefault(d.span().file(), "")).render(d))
                .collect(Collectors.joining());
    }
}
