package dev.lamina.maven;

import dev.lamina.compiler.Compilation;
import dev.lamina.compiler.Generation;
import dev.lamina.compiler.LaminaCompiler;
import dev.lamina.compiler.codegen.Backend;
import java.nio.file.Path;
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
        Generation generation = LaminaCompiler.generate(List.of(compilation), packageName, backend);
        List<GeneratedSource> sources = generation.sources().stream()
                .map(generated -> new GeneratedSource(generated.relativePath(), generated.source()))
                .toList();
        return new SpecOutcome(compilation.render() + generation.render(), (int) generation.errorCount(), sources);
    }
}
