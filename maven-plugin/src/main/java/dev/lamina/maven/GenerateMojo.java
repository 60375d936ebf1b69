package dev.lamina.maven;

import java.io.File;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Generates one Java class per model of every {@code *.lamina} spec into the main sources. */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public final class GenerateMojo extends AbstractGenerateMojo {
    /** Where the specs are. */
    @Parameter(property = "lamina.sourceDirectory", defaultValue = "${project.basedir}/src/main/lamina")
    private File sourceDirectory;

    /** Where the generated sources go; added as a compile source root. */
    @Parameter(
            property = "lamina.outputDirectory",
            defaultValue = "${project.build.directory}/generated-sources/lamina")
    private File outputDirectory;

    @Override
    protected File sourceDirectory() {
        return sourceDirectory;
    }

    @Override
    protected File outputDirectory() {
        return outputDirectory;
    }

    @Override
    protected String compilerExecutionId() {
        return "default-compile";
    }

    @Override
    protected void addSourceRoot(String path) {
        project.addCompileSourceRoot(path);
    }
}
