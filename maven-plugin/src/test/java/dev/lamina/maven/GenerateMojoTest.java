package dev.lamina.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.model.Build;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The goal itself: every failure is a {@link MojoFailureException} (a build failure, not a plugin crash). */
class GenerateMojoTest {
    @TempDir
    Path dir;

    private GenerateMojo mojo(Path sources, Path output) throws ReflectiveOperationException {
        MavenProject project = new MavenProject();
        Build build = new Build();
        build.setDirectory(dir.resolve("target").toString());
        project.setBuild(build);
        GenerateMojo mojo = new GenerateMojo();
        set(mojo, AbstractGenerateMojo.class, "project", project);
        set(mojo, AbstractGenerateMojo.class, "backend", "scalar");
        set(mojo, GenerateMojo.class, "sourceDirectory", sources.toFile());
        set(mojo, GenerateMojo.class, "outputDirectory", output.toFile());
        return mojo;
    }

    private static void set(Object target, Class<?> owner, String field, Object value)
            throws ReflectiveOperationException {
        var f = owner.getDeclaredField(field);
        f.setAccessible(true);
        f.set(target, value);
    }

    private Path spec(String path) throws IOException {
        Path file = dir.resolve("src/main/lamina").resolve(path);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "model Net {\n  input [4, 1]\n  conv1d(1, 2)\n}\n");
    }

    @Test
    void generatesAndAddsTheSourceRoot() throws Exception {
        spec("com/acme/net.lamina");
        Path out = dir.resolve("target/generated-sources/lamina");
        GenerateMojo mojo = mojo(dir.resolve("src/main/lamina"), out);

        mojo.execute();

        assertThat(out.resolve("com/acme/Net.java")).exists();
        assertThat(mojo.project.getCompileSourceRoots())
                .containsExactly(out.toFile().getAbsolutePath());
    }

    @Test
    void aBadFolderIsABuildFailureNamingTheSpec() throws Exception {
        Path spec = spec("com/my-app/net.lamina");
        GenerateMojo mojo = mojo(dir.resolve("src/main/lamina"), dir.resolve("out"));

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("the first: " + spec + ": error: its folder com/my-app is not a Java package");
    }

    @Test
    void anOutputFolderThatIsAFileIsABuildFailureNamingIt() throws Exception {
        spec("net.lamina");
        Path out = Files.writeString(dir.resolve("out"), "a file");
        GenerateMojo mojo = mojo(dir.resolve("src/main/lamina"), out);

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("lamina: cannot generate sources from " + dir.resolve("src/main/lamina")
                        + ": cannot write the generated sources in " + out + ": ")
                .hasMessageEndingWith("; no file was changed");
        assertThat(out).hasContent("a file");
    }

    @Test
    void aCorruptStateFileIsABuildFailureNamingIt() throws Exception {
        spec("net.lamina");
        GenerateMojo mojo = mojo(dir.resolve("src/main/lamina"), dir.resolve("out"));
        Path stateFolder = Files.createDirectories(dir.resolve("target/lamina-state"));
        File out = dir.resolve("out").toFile();
        Path state = stateFolder.resolve(
                "out-" + Integer.toHexString(out.getAbsolutePath().hashCode()) + ".properties");
        Files.writeString(state, "net.lamina=\\uZZZZ\n");

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("cannot read the plugin's state file " + state + ": ")
                .hasMessageEndingWith("; delete it (or run mvn clean) to generate every spec again");
    }
}
