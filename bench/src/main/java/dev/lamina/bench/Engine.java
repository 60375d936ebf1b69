package dev.lamina.bench;

import dev.lamina.compiler.codegen.GeneratedModel;
import dev.lamina.compiler.codegen.ModelGenerator;
import dev.lamina.compiler.javac.InMemoryJavaCompiler;
import dev.lamina.runtime.Model;
import dev.lamina.runtime.interpreter.Interpreter;
import dev.lamina.runtime.spec.ModelSpec;
import java.lang.reflect.InvocationTargetException;
import java.util.Locale;

/** How a spec is run: as a generated, compiled class, or by the interpreter. */
public enum Engine {
    GENERATED {
        @Override
        public Model create(ModelSpec spec, long seed) {
            GeneratedModel source = new ModelGenerator(GENERATED_PACKAGE).generate(spec);
            InMemoryJavaCompiler.Result compiled =
                    new InMemoryJavaCompiler().compile(source.qualifiedName(), source.source());
            try {
                return (Model) compiled.load(source.qualifiedName())
                        .getConstructor(long.class)
                        .newInstance(seed);
            } catch (NoSuchMethodException | InstantiationException | IllegalAccessException e) {
                throw new IllegalStateException("generated class " + source.qualifiedName() + " cannot be built", e);
            } catch (InvocationTargetException e) {
                throw new IllegalStateException(
                        "constructor of " + source.qualifiedName() + " failed", e.getTargetException());
            }
        }
    },
    INTERPRETER {
        @Override
        public Model create(ModelSpec spec, long seed) {
            return new Interpreter(spec, seed);
        }
    };

    /** The package of classes generated for the benchmarks. */
    static final String GENERATED_PACKAGE = "dev.lamina.bench.generated";

    /** The name used in {@code @Param} values and in the summary. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The engine with this {@link #key()}. */
    public static Engine of(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }

    /** A model for {@code spec} with weights initialized from {@code seed}. */
    public abstract Model create(ModelSpec spec, long seed);
}
