package dev.lamina.compiler.codegen;

/** The Java source generated for one model by a {@link Backend}. */
public record GeneratedModel(String packageName, String className, String source, Backend backend) {
    /** {@code package.ClassName}, or the bare class name in the default package. */
    public String qualifiedName() {
        return packageName.isEmpty() ? className : packageName + "." + className;
    }

    /** The source file's path relative to a source root, e.g. {@code dev/example/Toy.java}. */
    public String relativePath() {
        return qualifiedName().replace('.', '/') + ".java";
    }
}
