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

class IncrementalGeneratorTest {
    @TempDir
    Path dir;

    /** Generates one class per spec named after the file; "error" in a spec is a compile error. */
    private final List<String> compiled = new ArrayList<>();

    private final SpecCompiler fake = (spec, pkg) -> {
        String text = Files.readString(spec);
        String base = spec.getFileName().toString().replace(".lamina", "");
        compiled.add(base);
        if (text.contains("error")) {
            return new SpecOutcome(spec.getFileName() + ":1:1: error: bad [LAM001]\n  ^\n", 1, List.of());
        }
        String path = (pkg.isEmpty() ? "" : pkg.replace('.', '/') + "/") + Character.toUpperCase(base.charAt(0))
                + base.substring(1) + ".java";
        return new SpecOutcome("", 0, List.of(new GeneratedSource(path, "// " + text)));
    };

    private final List<String> errors = new ArrayList<>();

    private final GeneratorLog log = new GeneratorLog() {
        @Override
        public void info(String message) {}

        @Override
        public void error(String message) {
            errors.add(message);
        }
    };

    private IncrementalGenerator.Result run() throws Exception {
        return run(Backend.SCALAR);
    }

    private IncrementalGenerator.Result run(Backend backend) throws Exception {
        return new IncrementalGenerator(src(), out(), dir.resolve("state.properties"), null, "1", backend, log, fake)
                .run();
    }

    private Path src() {
        return dir.resolve("src");
    }

    private Path out() {
        return dir.resolve("out");
    }

    private void spec(String path, String text) throws IOException {
        Path file = src().resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void packagesFollowFoldersAndASecondRunDoesNothing() throws Exception {
        spec("com/acme/net.lamina", "a");
        spec("top.lamina", "b");

        assertThat(run()).isEqualTo(new IncrementalGenerator.Result(2, 2, 0, 0));
        assertThat(out().resolve("com/acme/Net.java")).hasContent("// a");
        assertThat(out().resolve("Top.java")).hasContent("// b");

        compiled.clear();
        assertThat(run()).isEqualTo(new IncrementalGenerator.Result(0, 0, 2, 0));
        assertThat(compiled).isEmpty();
    }

    @Test
    void changingTheBackendRegeneratesEverySpec() throws Exception {
        spec("com/acme/net.lamina", "model Net {}");
        spec("top.lamina", "model Top {}");
        run(Backend.SCALAR);
        compiled.clear();

        assertThat(run(Backend.VECTOR)).isEqualTo(new IncrementalGenerator.Result(2, 2, 0, 0));
        assertThat(compiled).containsExactly("net", "top");
        compiled.clear();
        assertThat(run(Backend.VECTOR)).isEqualTo(new IncrementalGenerator.Result(0, 0, 2, 0));
        assertThat(run(Backend.SCALAR)).isEqualTo(new IncrementalGenerator.Result(2, 2, 0, 0));
    }

    @Test
    void aChangedSpecRegeneratesOnlyItsOwnClassesAndADeletedSpecLosesThem() throws Exception {
        spec("com/acme/net.lamina", "a");
        spec("com/acme/other.lamina", "b");
        run();
        compiled.clear();

        spec("com/acme/net.lamina", "a2");
        Files.delete(src().resolve("com/acme/other.lamina"));

        assertThat(run()).isEqualTo(new IncrementalGenerator.Result(1, 1, 0, 1));
        assertThat(compiled).containsExactly("net");
        assertThat(out().resolve("com/acme/Net.java")).hasContent("// a2");
        assertThat(out().resolve("com/acme/Other.java")).doesNotExist();
    }

    @Test
    void aDeletedOutputFileIsGeneratedAgain() throws Exception {
        spec("net.lamina", "a");
        run();
        Files.delete(out().resolve("Net.java"));

        assertThat(run().generatedSpecs()).isEqualTo(1);
        assertThat(out().resolve("Net.java")).hasContent("// a");
    }

    @Test
    void anErrorLogsTheDiagnosticsAndLeavesTheOutputAsItWas() throws Exception {
        spec("net.lamina", "a");
        run();
        spec("net.lamina", "a2");
        spec("bad.lamina", "error");

        assertThatThrownBy(this::run)
                .isInstanceOf(SpecErrorsException.class)
                .hasMessage("lamina: 1 error in 1 spec file(s); no sources were generated; the first: bad.lamina:1:1:"
                        + " error: bad [LAM001]");
        assertThat(errors).containsExactly("bad.lamina:1:1: error: bad [LAM001]", "  ^");
        assertThat(out().resolve("Net.java")).hasContent("// a");
        assertThat(out().resolve("Bad.java")).doesNotExist();
    }

    @Test
    void twoSpecsMakingTheSameClassAreRejected() throws Exception {
        spec("a/net.lamina", "x");
        spec("b/net.lamina", "y");
        IncrementalGenerator fixed = new IncrementalGenerator(
                src(), out(), dir.resolve("state.properties"), "com.acme", "1", Backend.SCALAR, log, fake);

        assertThatThrownBy(fixed::run)
                .isInstanceOf(SpecErrorsException.class)
                .hasMessageContaining(
                        "two specs generate the same class: com/acme/Net.java (from a/net.lamina and b/net.lamina)");
        assertThat(out()).doesNotExist();
    }

    @Test
    void aMissingSourceFolderGeneratesNothing() throws Exception {
        assertThat(run()).isEqualTo(new IncrementalGenerator.Result(0, 0, 0, 0));
    }
}
