package dev.lamina.compiler.javac;

import dev.lamina.compiler.codegen.Backend;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles Java sources in memory with {@code javax.tools} against a class path — the current one
 * by default — and loads the resulting classes in a fresh class loader. Nothing touches the disk.
 * The language options default to {@code --release 17}; {@link #forBackend} takes those of a code
 * generation backend.
 */
public final class InMemoryJavaCompiler {
    /** A source to compile: its fully-qualified class name and its text. */
    public record Source(String className, String code) {
        public Source {
            Objects.requireNonNull(className, "className");
            Objects.requireNonNull(code, "code");
        }
    }

    /** The outcome of a successful compilation: bytecode per binary class name, and their loader. */
    public static final class Result {
        private final Map<String, byte[]> classFiles;
        private final ClassLoader loader;

        private Result(Map<String, byte[]> classFiles, ClassLoader parent) {
            this.classFiles = Map.copyOf(classFiles);
            this.loader = new ClassLoader(parent) {
                @Override
                protected Class<?> findClass(String name) throws ClassNotFoundException {
                    byte[] bytes = Result.this.classFiles.get(name);
                    if (bytes == null) {
                        throw new ClassNotFoundException(name);
                    }
                    return defineClass(name, bytes, 0, bytes.length);
                }
            };
        }

        /** Every class file produced, keyed by binary name (e.g. {@code a.b.Toy}). */
        public Map<String, byte[]> classFiles() {
            return classFiles;
        }

        /** Loads a compiled class by its binary name. */
        public Class<?> load(String className) {
            try {
                return Class.forName(className, true, loader);
            } catch (ClassNotFoundException e) {
                throw new IllegalArgumentException("no class " + className + " was compiled", e);
            }
        }
    }

    private final String classPath;
    private final ClassLoader parent;
    private final List<String> languageOptions;

    /** Compiles against the current class path and loads classes under this class's loader. */
    public InMemoryJavaCompiler() {
        this(System.getProperty("java.class.path"), InMemoryJavaCompiler.class.getClassLoader());
    }

    /** Compiles against {@code classPath} with {@code --release 17} and loads classes under {@code parent}. */
    public InMemoryJavaCompiler(String classPath, ClassLoader parent) {
        this(classPath, parent, Backend.SCALAR.javacOptions(17));
    }

    /**
     * Compiles against {@code classPath} with {@code languageOptions} (e.g. {@code --release 17})
     * and loads classes under {@code parent}.
     */
    public InMemoryJavaCompiler(String classPath, ClassLoader parent, List<String> languageOptions) {
        this.classPath = Objects.requireNonNull(classPath, "classPath");
        this.parent = parent;
        this.languageOptions = List.copyOf(languageOptions);
    }

    /**
     * A compiler for the classes of {@code backend}, against {@code classPath}, loading under {@code
     * parent}.
     *
     * @throws IllegalStateException with {@link Backend#unavailableReason()} when this JVM cannot
     *     compile and run that backend's classes
     */
    public static InMemoryJavaCompiler forBackend(Backend backend, String classPath, ClassLoader parent) {
        String reason = backend.unavailableReason();
        if (reason != null) {
            throw new IllegalStateException(reason);
        }
        return new InMemoryJavaCompiler(
                classPath, parent, backend.javacOptions(Runtime.version().feature()));
    }

    /** Compiles one source. */
    public Result compile(String className, String code) {
        return compile(List.of(new Source(className, code)));
    }

    /**
     * Compiles every source in one javac run.
     *
     * @throws CompilationFailedException listing every error with its class, line and column
     */
    public Result compile(List<Source> sources) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no Java compiler in this runtime: run Lamina on a JDK, not a JRE");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<JavaFileObject> units = new ArrayList<>();
        for (Source s : sources) {
            units.add(new SourceFile(s.className(), s.code()));
        }
        Map<String, ByteArrayOutputStream> outputs = new LinkedHashMap<>();
        StandardJavaFileManager standard = javac.getStandardFileManager(diagnostics, Locale.ROOT, null);
        JavaFileManager files = new ForwardingJavaFileManager<>(standard) {
            @Override
            public JavaFileObject getJavaFileForOutput(
                    Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                outputs.put(className, bytes);
                return new SimpleJavaFileObject(
                        URI.create("mem:///" + className.replace('.', '/') + kind.extension), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        return bytes;
                    }
                };
            }
        };
        List<String> options = new ArrayList<>(languageOptions);
        options.addAll(List.of("-classpath", classPath, "-proc:none", "-Xlint:none"));
        StringWriter out = new StringWriter();
        boolean ok =
                javac.getTask(out, files, diagnostics, options, null, units).call();
        if (!ok) {
            throw new CompilationFailedException(describe(diagnostics));
        }
        Map<String, byte[]> classFiles = new LinkedHashMap<>();
        outputs.forEach((name, bytes) -> classFiles.put(name, bytes.toByteArray()));
        return new Result(classFiles, parent);
    }

    private static String describe(DiagnosticCollector<JavaFileObject> diagnostics) {
        StringBuilder message = new StringBuilder("compilation failed:");
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() != Diagnostic.Kind.ERROR) {
                continue;
            }
            String file = d.getSource() == null ? "" : d.getSource().getName();
            message.append(System.lineSeparator())
                    .append(file)
                    .append(':')
                    .append(d.getLineNumber())
                    .append(':')
                    .append(d.getColumnNumber())
                    .append(": ")
                    .append(d.getMessage(Locale.ROOT));
        }
        return message.toString();
    }

    private static final class SourceFile extends SimpleJavaFileObject {
        private final String code;

        SourceFile(String className, String code) {
            super(URI.create("string:///" + className.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
            this.code = code;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return code;
        }
    }
}
