package dev.lamina.maven;

import java.io.IOException;
import java.nio.file.Path;

/** Compiles one spec file into generated sources, or diagnostics. */
interface SpecCompiler {
    SpecOutcome compile(Path spec, String packageName) throws IOException;
}
