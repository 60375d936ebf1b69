package dev.lamina.maven;

import dev.lamina.compiler.codegen.Backend;
import java.io.File;
import java.io.IOException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/** What {@code generate} and {@code generate-test} share: options, skipping, and the run itself. */
abstract class AbstractGenerateMojo extends AbstractMojo {
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    /**
     * Package of the generated classes. By default a spec's folder below the source directory gives
     * its package ({@code src/main/lamina/com/acme/net.lamina} goes to {@code com.acme}), as the
     * ANTLR plugin does.
     */
    @Parameter(property = "lamina.packageName")
    protected String packageName;

    /**
     * Code generation backend: {@code scalar} (plain Java 17, the default) or {@code vector} (the
     * JDK Vector API, {@code jdk.incubator.vector}). Vector classes need Maven on JDK 25+ and {@code
     * --add-modules jdk.incubator.vector} in the maven-compiler-plugin's {@code compilerArgs} (the
     * build fails with the snippet to add when it is missing), and that JVM option wherever they run.
     * Changing the backend regenerates every spec.
     */
    @Parameter(property = "lamina.backend", defaultValue = "scalar")
    protected String backend;

    /** Skips generation (and adds no source root). */
    @Parameter(property = "lamina.skip", defaultValue = "false")
    protected boolean skip;

    @Parameter(defaultValue = "${plugin.version}", readonly = true)
    protected String pluginVersion;

    /** The folder the specs are read from. */
    protected abstract File sourceDirectory();

    /** The folder the sources are written to. */
    protected abstract File outputDirectory();

    /** The maven-compiler-plugin execution that compiles the generated sources, e.g. {@code default-compile}. */
    protected abstract String compilerExecutionId();

    /** Registers the output folder with the project's main or test sources. */
    protected abstract void addSourceRoot(String path);

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Lamina generation skipped (lamina.skip)");
            return;
        }
        Backend chosen = backend();
        if (chosen == Backend.VECTOR) {
            String problem = BackendBuildRequirements.problem(
                    Runtime.version().feature(),
                    Runtime.version().toString(),
                    System.getProperty("java.home"),
                    BackendBuildRequirements.compilerArgs(project, compilerExecutionId()));
            if (problem != null) {
                throw new MojoFailureException(problem);
            }
        }
        File state = new File(
                project.getBuild().getDirectory(),
                "lamina-state/" + outputDirectory().getName() + "-"
                        + Integer.toHexString(
                                outputDirectory().getAbsolutePath().hashCode()) + ".properties");
        IncrementalGenerator generator = new IncrementalGenerator(
                sourceDirectory().toPath(),
                outputDirectory().toPath(),
                state.toPath(),
                packageName,
                pluginVersion == null ? "dev" : pluginVersion,
                chosen,
                new MavenLog(getLog()));
        try {
            IncrementalGenerator.Result result = generator.run();
            getLog().info(result.describe());
        } catch (SpecErrorsException e) {
            throw new MojoFailureException(e.getMessage());
        } catch (IOException | RuntimeException e) {
            // Whatever went wrong fails the build with a message, not as a plugin crash.
            throw new MojoFailureException(
                    "lamina: cannot generate sources from " + sourceDirectory() + ": "
                            + (e instanceof IOException && e.getMessage() != null ? e.getMessage() : e.toString()),
                    e);
        }
        addSourceRoot(outputDirectory().getAbsolutePath());
    }

    private Backend backend() throws MojoFailureException {
        try {
            return Backend.of(backend == null ? "scalar" : backend.trim());
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("lamina: parameter backend (lamina.backend): " + e.getMessage());
        }
    }
}
