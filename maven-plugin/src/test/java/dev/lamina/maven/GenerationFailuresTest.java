package dev.lamina.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamina.compiler.codegen.Backend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way generation can fail ends in a {@link SpecErrorsException} naming the spec and the reason. */
class GenerationFailuresTest {
    private static final String VALID = "model Net {\n  input [4, 1]\n  conv1d(1, 2)\n}\n";

    @TempDir
    Path dir;

    private final List<String> errors = new ArrayList<>();

    private final GeneratorLog log = new GeneratorLog() {
        @Override
        public void info(String message) {}

        @Override
        public void error(String message) {
            errors.add(message);
        }
    };

    private Path spec(String path, String text) throws IOException {
        Path file = dir.resolve("src").resolve(path);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private IncrementalGenerator generator(String fixedPackage, SpecCompiler compiler) {
        return new IncrementalGenerator(
                dir.resolve("src"),
                dir.resolve("out"),
                dir.resolve("state.properties"),
                fixedPackage,
                "1",
                Backend.SCALAR,
                log,
                compiler);
    }

    private IncrementalGenerator generator() {
        return generator(null, new LaminaSpecCompiler(Backend.SCALAR));
    }

    @Test
    void aFolderThatIsNotAJavaPackageNamesTheSpecAndTheFolder() throws IOException {
        Path good = spec("com/acme/good.lamina", VALID);
        Path bad = spec("com/my-app/net.lamina", VALID);
        String error = bad + ": error: its folder com/my-app is not a Java package: 'my-app' is not a Java"
                + " identifier; rename the folder (e.g. to com/my_app) or set the plugin's packageName"
                + " (lamina.packageName)";

        assertThatThrownBy(() -> generator().run())
                .isInstanceOf(SpecErrorsException.class)
                .hasMessage("lamina: 1 error in 1 spec file(s); no sources were generated; the first: " + error);
        assertThat(errors).containsExactly(error);
        assertThat(dir.resolve("out")).doesNotExist();
        assertThat(good).exists();
    }

    @Test
    void keywordsAndLeadingDigitsInFoldersAreNamedToo() throws IOException {
        Path keyword = spec("org/class/a.lamina", VALID);
        Path digit = spec("org/2d/b.lamina", VALID.replace("Net", "Other"));

        assertThatThrownBy(() -> generator().run())
                .isInstanceOf(SpecErrorsException.class)
                .hasMessageStartingWith("lamina: 2 errors in 2 spec file(s); no sources were generated; the first: "
                        + digit + ": error:");
        assertThat(errors)
                .containsExactly(
                        digit + ": error: its folder org/2d is not a Java package: '2d' is not a Java identifier;"
                                + " rename the folder (e.g. to org/_2d) or set the plugin's packageName"
                                + " (lamina.packageName)",
                        keyword + ": error: its folder org/class is not a Java package: 'class' is a Java keyword;"
                                + " rename the folder (e.g. to org/class_) or set the plugin's packageName"
                                + " (lamina.packageName)");
    }

    @Test
    void anInvalidPackageParameterIsNamedOnce() throws IOException {
        spec("a.lamina", VALID);
        spec("b.lamina", VALID.replace("Net", "Other"));

        assertThatThrownBy(() -> generator("com.my-app", new LaminaSpecCompiler(Backend.SCALAR))
                        .run())
                .isInstanceOf(SpecErrorsException.class)
                .hasMessage("lamina: the packageName parameter (lamina.packageName) 'com.my-app' is not a Java"
                        + " package: 'my-app' is not a Java identifier");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void anUnexpectedExceptionNamesTheSpecAndTheException() throws IOException {
        Path spec = spec("com/acme/net.lamina", VALID);
        SpecCompiler failing = (file, pkg) -> {
            throw new IllegalStateException("the generator broke");
        };
        String error =
                spec + ": error: cannot generate sources: java.lang.IllegalStateException: the generator" + " broke";

        assertThatThrownBy(() -> generator(null, failing).run())
                .isInstanceOf(SpecErrorsException.class)
                .hasMessage("lamina: 1 error in 1 spec file(s); no sources were generated; the first: " + error);
        assertThat(errors).containsExactly(error);
    }

    @Test
    void aStackOverflowNamesTheSpec() throws IOException {
        Path spec = spec("net.lamina", VALID);
        SpecCompiler overflowing = (file, pkg) -> {
            throw new StackOverflowError();
        };

        assertThatThrownBy(() -> generator(null, overflowing).run())
                .isInstanceOf(SpecErrorsException.class)
                .hasMessageEndingWith(spec + ": error: cannot generate sources: java.lang.StackOverflowError (the"
                        + " spec nests too deeply)");
    }

    @Test
    void anUnreadableStateFileIsNamed() throws IOException {
        spec("net.lamina", VALID);
        Path state = Files.writeString(dir.resolve("state.properties"), "net.lamina=\\uZZZZ\n");

        assertThatThrownBy(() -> generator().run())
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("cannot read the plugin's state file " + state + ": ");
    }

    @Test
    void anOutputFileThatCannotBeWrittenIsNamedAndNothingChanges() throws IOException {
        spec("com/acme/a.lamina", VALID.replace("Net", "A"));
        spec("com/acme/b.lamina", VALID.replace("Net", "B"));
        Path blocked = Files.createDirectories(dir.resolve("out/com/acme/B.java"));

        assertThatThrownBy(() -> generator().run())
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("cannot write the generated sources in " + dir.resolve("out") + ": ")
                .hasMessageContaining(blocked.toString())
                .hasMessageEndingWith("; no file was changed");
        assertThat(dir.resolve("out/com/acme/A.java")).doesNotExist();
        assertThat(dir.resolve("state.properties")).doesNotExist();
    }
}
