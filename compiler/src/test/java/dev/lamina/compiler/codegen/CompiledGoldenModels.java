package dev.lamina.compiler.codegen;

import dev.lamina.compiler.javac.InMemoryJavaCompiler;
import dev.lamina.runtime.Model;
import dev.lamina.runtime.golden.GoldenCase;
import dev.lamina.runtime.golden.GoldenCases;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every golden case's model, generated and compiled in one javac run, shared by the tests of one
 * JVM.
 */
final class CompiledGoldenModels {
    static final String PACKAGE = "dev.lamina.generated.golden";

    private static CompiledGoldenModels instance;

    final List<GoldenCase> cases;
    final Map<String, GeneratedModel> sources = new HashMap<>();
    final InMemoryJavaCompiler.Result compiled;

    private CompiledGoldenModels() {
        cases = GoldenCases.all();
        ModelGenerator generator = new ModelGenerator(PACKAGE);
        List<InMemoryJavaCompiler.Source> units = new ArrayList<>();
        Map<String, String> owners = new HashMap<>();
        for (GoldenCase c : cases) {
            GeneratedModel model = generator.generate(c.model());
            String previous = owners.put(model.qualifiedName(), c.name());
            if (previous != null) {
                throw new IllegalStateException(
                        "cases " + previous + " and " + c.name() + " map to class " + model.qualifiedName());
            }
            sources.put(c.name(), model);
            units.add(new InMemoryJavaCompiler.Source(model.qualifiedName(), model.source()));
        }
        compiled = TestCompiler.create().compile(units);
    }

    static synchronized CompiledGoldenModels get() {
        if (instance == null) {
            instance = new CompiledGoldenModels();
        }
        return instance;
    }

    /** A fresh instance of the case's generated model. */
    Model newModel(GoldenCase c, long seed) {
        return instantiate(compiled.load(sources.get(c.name()).qualifiedName()), seed);
    }

    static Model instantiate(Class<?> type, long seed) {
        try {
            return (Model) type.getConstructor(long.class).newInstance(seed);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("constructor of " + type.getName() + " failed", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type.getName() + " has no public (long seed) constructor", e);
        }
    }
}
