package dev.lamina.maven;

import java.util.List;

/** The result of compiling one spec: rendered diagnostics, error count, and the sources if none. */
record SpecOutcome(String renderedDiagnostics, int errors, List<GeneratedSource> sources) {
    SpecOutcome {
        sources = List.copyOf(sources);
    }
}
