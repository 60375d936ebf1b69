package dev.lamina.compiler.javac;

import dev.lamina.compiler.codegen.GeneratedModel;
import dev.lamina.runtime.Model;
import java.lang.reflect.InvocationTargetException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;

/** Compiles generated model classes in memory, against the runtime alone, and creates instances. */
public final class GeneratedModels {
    private GeneratedModels() {}

    /**
     * Compiles {@code model} with its backend's options and returns a new instance whose parameters
     * are initialized from {@code seed}.
     *
     * @throws IllegalStateException when this JVM cannot run the model's backend, or the class
     *     cannot be built
     */
    public static Model create(GeneratedModel model, long seed) {
        InMemoryJavaCompiler javac =
                InMemoryJavaCompiler.forBackend(model.backend(), runtimeClassPath(), Model.class.getClassLoader());
        return newInstance(javac.compile(model.qualifiedName(), model.source()).load(model.qualifiedName()), seed);
    }

    /** Calls the public {@code (long seed)} constructor of a generated model class. */
    public static Model newInstance(Class<?> type, long seed) {
        try {
            return (Model) type.getConstructor(long.class).newInstance(seed);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(
                    "the generated class " + type.getName() + " failed to start: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(
                    "the generated class " + type.getName() + " has no public (long seed) constructor", e);
        }
    }

    /**
     * Where the runtime classes come from (a jar, or the runtime's classes folder in a build): all a
     * generated class needs to compile.
     */
    public static String runtimeClassPath() {
        CodeSource source = Model.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return System.getProperty("java.class.path");
        }
        try {
            return Path.of(source.getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            return System.getProperty("java.class.path");
        }
    }
}
