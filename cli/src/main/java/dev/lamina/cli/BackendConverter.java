package dev.lamina.cli;

import dev.lamina.compiler.codegen.Backend;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code --backend scalar|vector}; anything else is a usage error. */
final class BackendConverter implements ITypeConverter<Backend> {
    /** The option's help text, shared by {@code compile}, {@code train} and {@code predict}. */
    static final String DESCRIPTION = "Code generation backend: scalar (plain Java 17) or vector (the JDK Vector API;"
            + " needs Java " + Backend.VECTOR_MINIMUM_JAVA + "+ and --add-modules " + Backend.VECTOR_MODULE
            + ") (default: ${DEFAULT-VALUE}).";

    @Override
    public Backend convert(String value) {
        try {
            return Backend.of(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
