package dev.lamina.cli;

import dev.lamina.compiler.codegen.GeneratedModel;
import dev.lamina.compiler.codegen.ModelGenerator;
import dev.lamina.compiler.codegen.UnsupportedModelException;
import dev.lamina.compiler.javac.InMemoryJavaCompiler;
import dev.lamina.runtime.AbstractModel;
import dev.lamina.runtime.Model;
import dev.lamina.runtime.interpreter.Interpreter;
import dev.lamina.runtime.spec.ModelSpec;
import java.lang.reflect.InvocationTargetException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import javax.tools.ToolProvider;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * How {@code train} and {@code predict} run a model: {@code generated} compiles the model's
 * specialized class in memory and loads it (needs a JDK); {@code interpreter} runs the runtime's
 * generic interpreter. Both initialize the parameters from the seed in the same order, so the same
 * seed gives the same starting weights.
 */
enum Engine {
    GENERATED {
        @Override
        Model create(ModelSpec spec, long seed) {
            if (ToolProvider.getSystemJavaCompiler() == null) {
                throw new IllegalStateException("the generated engine needs a Java compiler, and this Java runtime"
                        + " has none (a JRE): run Lamina on a JDK, or use --engine interpreter");
            }
            GeneratedModel generated;
            try {
                generated = new ModelGenerator(PACKAGE).generate(spec);
            } catch (UnsupportedModelException e) {
                throw new IllegalStateException(e.getMessage()
                        + (e.getMessage().contains("--engine interpreter") ? "" : "; use --engine interpreter"));
            }
            InMemoryJavaCompiler javac = new InMemoryJavaCompiler(runtimeClassPath(), Engine.class.getClassLoader());
            Class<?> type =
                    javac.compile(generated.qualifiedName(), generated.source()).load(generated.qualifiedName());
            try {
                return (Model) type.getConstructor(long.class).newInstance(seed);
            } catch (InvocationTargetException e) {
                throw new IllegalStateException(
                        "the generated class " + generated.qualifiedName() + " failed to start: " + e.getCause(), e);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(
                        "the generated class " + generated.qualifiedName() + " has no public (long seed) constructor",
                        e);
            }
        }
    },
    INTERPRETER {
        @Override
        Model create(ModelSpec spec, long seed) {
            return new Interpreter(spec, seed);
        }
    };

    /** The package of classes generated for {@code train} and {@code predict}. */
    static final String PACKAGE = "lamina.generated";

    /** A model for {@code spec} whose parameters are initialized from {@code seed}. */
    abstract Model create(ModelSpec spec, long seed);

    /** The name used on the command line. */
    String optionName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Where the runtime classes come from (the CLI jar, or the runtime's classes folder in a build):
     * all a generated class needs to compile.
     */
    private static String runtimeClassPath() {
        CodeSource source = AbstractModel.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return System.getProperty("java.class.path");
        }
        try {
            return Path.of(source.getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            return System.getProperty("java.class.path");
        }
    }

    /** Parses {@code --engine generated|interpreter}; anything else is a usage error. */
    static final class Converter implements ITypeConverter<Engine> {
        @Override
        public Engine convert(String value) {
            for (Engine engine : values()) {
                if (engine.optionName().equals(value)) {
                    return engine;
                }
            }
            throw new TypeConversionException("'" + value + "' is not an engine; use generated or interpreter");
        }
    }
}
