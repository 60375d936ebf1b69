package dev.lamina.compiler.check;

import dev.lamina.compiler.diag.Diagnostic;
import dev.lamina.compiler.ir.ModelIr;
import java.util.List;

/** The models that passed the checker and every diagnostic of the file. */
public record CheckResult(List<ModelIr> models, List<Diagnostic> diagnostics) {
    public CheckResult {
        models = List.copyOf(models);
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
