package dev.lamina.compiler.parse;

import dev.lamina.compiler.ast.LaminaFile;
import dev.lamina.compiler.diag.Diagnostic;
import java.util.List;

/** The syntax tree of a file and the syntax errors found while building it. */
public record ParseResult(LaminaFile file, List<Diagnostic> diagnostics) {
    public ParseResult {
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
