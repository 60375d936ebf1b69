package dev.lamina.compiler.codegen;

import dev.lamina.compiler.javac.InMemoryJavaCompiler;

/**
 * The in-memory compiler for tests: Surefire runs tests from a manifest-only jar, so the real
 * class path comes from {@code surefire.test.class.path} when it is set.
 */
final class TestCompiler {
    private TestCompiler() {}

    static InMemoryJavaCompiler create() {
        String surefire = System.getProperty("surefire.test.class.path");
        String classPath = surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
        return new InMemoryJavaCompiler(classPath, TestCompiler.class.getClassLoader());
    }
}
