package dev.lamina.maven;

import java.io.File;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Generates model classes from {@code src/test/lamina} into the test sources. */
@Mojo(name = "generate-test", defaultPhase = LifecyclePhase.GENERATE_TEST_SOURCES, threadSafe = true)
public final class GenerateTestMojo extends AbstractGenerateMojo {
    /** Where the test specs are. */
    @Parameter(property = "lamina.testSourceDirectory", defaultValue = "${project.basedir}/src/test/lamina")
    private File sourceDirectory;

    /** Where the generated test sources go; added as a test compile source root. */
    @Parameter(
            property = "lamina.testOutputDirectory",
            defaultValue = "${project.build.directory}/generated-test-sources/lamina")
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
        return "default-testCompile";
    }

    @Override
    protected void addSourceRoot(String path) {
        project.addTestCompileSourceRoot(path);
    }
}
