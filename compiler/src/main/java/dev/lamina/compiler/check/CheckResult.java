package dev.lamina.compiler.check;

import dev.lamina.compiler.diag.Diagnostic;
import dev.lamina.compiler.ir.CheckedLayer;
import dev.lamina.compiler.ir.ModelIr;
import java.util.List;

/**
 * The models that passed the checker, every diagnostic of the file, and every layer whose shapes
 * were inferred, in source order, including those of models with errors.
 */
public record CheckResult(List<ModelIr> models, List<Diagnostic> diagnostics, List<CheckedLayer> layers) {
    public CheckResult {
        models = List.copyOf(models);
        diagnostics = List.copyOf(diagnostics);
        layers = List.copyOf(layers);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
