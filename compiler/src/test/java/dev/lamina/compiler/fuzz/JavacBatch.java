package dev.lamina.compiler.fuzz;

import dev.lamina.compiler.CheckedModel;
import dev.lamina.compiler.codegen.Backend;
import dev.lamina.compiler.codegen.GeneratedModel;
import dev.lamina.compiler.javac.CompilationFailedException;
import dev.lamina.compiler.javac.InMemoryJavaCompiler;
import dev.lamina.runtime.spec.ModelSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Generated sources waiting for javac, compiled together in one run (as CompiledGoldenModels does:
 * one javac run costs about as much as a few single ones). Each source gets its own package, so
 * that models of the same name from different inputs do not clash; a model whose spec was compiled
 * before is skipped. When a run fails, its sources are compiled one by one to find the culprits.
 */
final class JavacBatch<T> {
    /** A source that did not compile, with the input it came from and javac's message. */
    record Rejected<T>(T origin, String className, CompilationFailedException error) {}

    private final InMemoryJavaCompiler javac;
    private final Set<ModelSpec> seen = new HashSet<>();
    private final Map<InMemoryJavaCompiler.Source, T> pending = new LinkedHashMap<>();
    private int next;
    private long compiled;

    /** A batch compiling against {@code classPath} (the runtime's classes). */
    JavacBatch(String classPath) {
        this.javac = InMemoryJavaCompiler.forBackend(Backend.SCALAR, classPath, JavacBatch.class.getClassLoader());
    }

    /**
     * Queues {@code model} of {@code origin}; false when a model of the same spec was queued before.
     * Sources of equal {@link ModelSpec}s differ only in comments, whose text the generator makes
     * safe (JavaNames.commentText), so one of them stands for all.
     */
    boolean add(CheckedModel model, GeneratedModel source, T origin) {
        if (!seen.add(model.spec())) {
            return false;
        }
        String packageName = FuzzOracle.PACKAGE + next++;
        String code = source.source()
                .replace("package " + FuzzOracle.PACKAGE + ";", "package " + packageName + ";")
                .replace(FuzzOracle.PACKAGE + ".", packageName + ".");
        pending.put(new InMemoryJavaCompiler.Source(packageName + "." + source.className(), code), origin);
        return true;
    }

    int pending() {
        return pending.size();
    }

    /** Sources compiled so far (successfully or not). */
    long compiled() {
        return compiled;
    }

    /** Compiles every queued source; returns those javac rejected. */
    List<Rejected<T>> compile() {
        List<Rejected<T>> rejected = new ArrayList<>();
        if (pending.isEmpty()) {
            return rejected;
        }
        try {
            javac.compile(List.copyOf(pending.keySet()));
        } catch (CompilationFailedException batch) {
            pending.forEach((source, origin) -> {
                try {
                    javac.compile(List.of(source));
                } catch (CompilationFailedException e) {
                    rejected.add(new Rejected<>(origin, source.className(), e));
                }
            });
        }
        compiled += pending.size();
        pending.clear();
        return rejected;
    }
}
