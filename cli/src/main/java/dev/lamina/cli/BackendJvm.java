package dev.lamina.cli;

import dev.lamina.compiler.codegen.Backend;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Gets {@code train} and {@code predict} a JVM that can run the chosen backend's classes. Vector
 * classes need Java {@value Backend#VECTOR_MINIMUM_JAVA}+ started with {@code --add-modules
 * jdk.incubator.vector}: on such a Java started without the module, the command runs again in a
 * child JVM (the same java, JVM options, class path and arguments, plus the module and {@value
 * #RELAUNCHED_PROPERTY}, with this process's standard streams) whose exit code becomes the
 * command's; on an older Java the command fails saying how to run it on a newer one.
 */
final class BackendJvm {
    /** Set in the child JVM, which never re-launches itself again. */
    static final String RELAUNCHED_PROPERTY = "lamina.relaunched";

    private BackendJvm() {}

    /**
     * Empty when this JVM can run {@code backend}'s classes; otherwise the exit code of the child
     * JVM that ran {@code command} with {@code args} instead.
     *
     * @throws IllegalStateException when this Java is too old, or the child JVM cannot be started
     */
    static OptionalInt relaunchIfNeeded(Backend backend, String command, List<String> args) {
        String reason = backend.unavailableReason();
        if (reason == null) {
            return OptionalInt.empty();
        }
        if (Runtime.version().feature() < Backend.VECTOR_MINIMUM_JAVA) {
            throw new IllegalStateException("--backend " + backend.optionName() + " needs Java "
                    + Backend.VECTOR_MINIMUM_JAVA + " or later, and this is Java " + Runtime.version() + " ("
                    + System.getProperty("java.home") + "); run it on a JDK " + Backend.VECTOR_MINIMUM_JAVA
                    + "+, e.g. JAVA_HOME=/path/to/jdk-" + Backend.VECTOR_MINIMUM_JAVA + " ./lamina " + command
                    + " ..., or use --backend scalar");
        }
        if (Boolean.getBoolean(RELAUNCHED_PROPERTY)) {
            throw new IllegalStateException(reason + " (the JVM Lamina re-launched for it still lacks the module)");
        }
        List<String> commandLine = new ArrayList<>();
        commandLine.add(javaCommand());
        commandLine.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        commandLine.addAll(backend.jvmOptions());
        commandLine.add("-D" + RELAUNCHED_PROPERTY + "=true");
        commandLine.add("-cp");
        commandLine.add(System.getProperty("java.class.path"));
        commandLine.add(LaminaCli.class.getName());
        commandLine.addAll(args);
        System.out.flush();
        System.err.flush();
        Process child;
        try {
            child = new ProcessBuilder(commandLine).inheritIO().start();
        } catch (IOException e) {
            throw new IllegalStateException(
                    "cannot re-launch Java with --add-modules " + Backend.VECTOR_MODULE + ": " + e.getMessage(), e);
        }
        try {
            return OptionalInt.of(child.waitFor());
        } catch (InterruptedException e) {
            child.destroy();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the re-launched Java was running", e);
        }
    }

    /** The java executable running this JVM. */
    private static String javaCommand() {
        return ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
