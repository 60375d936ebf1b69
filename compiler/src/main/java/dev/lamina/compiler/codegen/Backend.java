package dev.lamina.compiler.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What generated code is written for. {@link #SCALAR}, the default, is plain Java 17 that C2
 * auto-vectorizes. {@link #VECTOR} writes the heavy layers (conv1d, dense) on the JDK Vector API
 * ({@code jdk.incubator.vector}, {@code FloatVector.SPECIES_PREFERRED}) with register-blocked
 * kernels; its classes need JDK {@value #VECTOR_MINIMUM_JAVA} or later, with {@code --add-modules
 * jdk.incubator.vector} when they are compiled and when they run (older JDKs have the module, but
 * their intrinsics do not inline and the code runs many times slower).
 */
public enum Backend {
    SCALAR,
    VECTOR;

    /** The lowest Java feature release the vector backend's output is written for. */
    public static final int VECTOR_MINIMUM_JAVA = 25;

    /** The incubator module vector code is compiled and run with. */
    public static final String VECTOR_MODULE = "jdk.incubator.vector";

    /** The name used on the command line and in the Maven plugin: {@code scalar} or {@code vector}. */
    public String optionName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The backend named {@code name} ({@link #optionName()}). */
    public static Backend of(String name) {
        for (Backend backend : values()) {
            if (backend.optionName().equals(name)) {
                return backend;
            }
        }
        throw new IllegalArgumentException("'" + name + "' is not a backend; use scalar or vector");
    }

    /**
     * The javac options that select the language level and modules of this backend's output, for a
     * compiler of Java feature release {@code javaFeature}: {@code --release 17} for scalar code;
     * {@code --release <javaFeature> --add-modules jdk.incubator.vector} for vector code.
     */
    public List<String> javacOptions(int javaFeature) {
        List<String> options = new ArrayList<>();
        options.add("--release");
        if (this == SCALAR) {
            options.add("17");
        } else {
            options.add(Integer.toString(javaFeature));
            options.add("--add-modules");
            options.add(VECTOR_MODULE);
        }
        return options;
    }

    /** The JVM options this backend's classes need at run time (none for scalar code). */
    public List<String> jvmOptions() {
        return this == SCALAR ? List.of() : List.of("--add-modules", VECTOR_MODULE);
    }

    /**
     * Why this backend's classes cannot be compiled and run in the current JVM, or null when they
     * can: the vector backend needs Java {@value #VECTOR_MINIMUM_JAVA}+ started with {@code
     * --add-modules jdk.incubator.vector}.
     */
    public String unavailableReason() {
        if (this == SCALAR) {
            return null;
        }
        int feature = Runtime.version().feature();
        if (feature < VECTOR_MINIMUM_JAVA) {
            return "the vector backend needs Java " + VECTOR_MINIMUM_JAVA + " or later, and this is Java "
                    + Runtime.version() + " (" + System.getProperty("java.home") + "); run Lamina on a JDK "
                    + VECTOR_MINIMUM_JAVA + "+ (e.g. JAVA_HOME=/path/to/jdk-25), or use the scalar backend";
        }
        if (ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty()) {
            return "the vector backend needs the module " + VECTOR_MODULE + ", and this JVM was started without it:"
                    + " add the JVM option --add-modules " + VECTOR_MODULE;
        }
        return null;
    }
}
