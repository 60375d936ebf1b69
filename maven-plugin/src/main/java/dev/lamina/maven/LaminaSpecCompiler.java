package dev.lamina.maven;

import dev.lamina.compiler.CheckedModel;
import dev.lamina.compiler.Compilation;
import dev.lamina.compiler.LaminaCompiler;
import dev.lamina.compiler.codegen.Backend;
import dev.lamina.compiler.codegen.GeneratedModel;
import dev.lamina.compiler.codegen.ModelGenerator;
import dev.lamina.compiler.codegen.UnsupportedModelException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@link SpecCompiler} on the Lamina front end and the code generator of one backend. */
final class LaminaSpecCompiler implements SpecCompiler {
    private final Backend backend;

    LaminaSpecCompiler(Backend backend) {
        this.backend = backend;
    }

    @Override
    public SpecOutcome compile(Path spec, String packageName) {
        Compilation compilation = LaminaCompiler.compile(spec);
        if (compilation.hasErrors()) {
            return new SpecOutcome(compilation.render(), (int) compilation.errorCount(), List.of());
        }
        ModelGenerator generator = new ModelGenerator(packageName, backend);
        List<GeneratedSource> sources = new ArrayList<>();
        StringBuilder problems = new StringBuilder();
        int errors = 0;
        for (CheckedModel model : compilation.models()) {
            try {
                GeneratedModel generated = generator.generate(model, compilation.sourceText());
                sources.add(new GeneratedSource(generated.relativePath(), generated.source()));
            } catch (UnsupportedModelException e) {
                errors++;
                problems.append(spec)
                        .append(':')
                        .append(model.span().line())
                        .append(':')
                        .append(model.span().column())
                        .append(": error: ")
                        .append(e.getMessage())
                        .append('\n');
            }
        }
        return new SpecOutcome(compilation.render() + problems, errors, errors > 0 ? List.of() : sources);
    }
}
