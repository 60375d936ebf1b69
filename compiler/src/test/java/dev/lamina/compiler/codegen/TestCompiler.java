package dev.lamina.compiler.codegen;

import dev.lamina.compiler.javac.InMemoryJavaCompiler;

/**
 * The in-memory compiler for tests: Surefire runs tests from a manifest-only jar, so the real
 * class path comes from {@code surefire.test.class.path} when it is set.
 */
final class TestCompiler {
    private TestCompiler() {}

    static InMemoryJavaCompiler create() {
        return create(Backend.SCALAR);
    }

    /** A compiler for {@code backend}'s classes; throws when this JVM cannot run them. */
    static InMemoryJavaCompiler create(Backend backend) {
        String surefire = System.getProperty("surefire.test.class.path");
        String classPath = surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
        return InMemoryJavaCompiler.forBackend(backend, classPath, TestCompiler.class.getClassLoader());
    }
}
