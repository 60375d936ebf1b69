package dev.lamina.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lamina compile} replaces the sources all together or not at all, even when a move fails. */
class CompileAllOrNothingTest {
    @TempDir
    Path dir;

    @Test
    void aFailedLaterMoveLeavesTheEarlierSourcesAsTheyWere() throws IOException {
        Path spec = Files.writeString(
                dir.resolve("three.lamina"),
                "model A {\n  input [3]\n  dense(1)\n}\nmodel B {\n  input [3]\n  dense(2)\n}\n"
                        + "model C {\n  input [3]\n  dense(3)\n}\n");
        Path out = dir.resolve("src");
        Path folder = Files.createDirectories(out.resolve("lamina/generated"));
        Path a = Files.writeString(folder.resolve("A.java"), "// the A.java of an earlier run");
        Path b = Files.createDirectory(folder.resolve("B.java")); // a folder where B.java goes
        List<Path> before = everything(out);

        CliRun run = CliRun.of("compile", spec.toString(), "-d", out.toString());

        assertThat(run.exitCode()).isEqualTo(LaminaCli.EXIT_FAILURE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .startsWith("lamina: cannot write the sources under " + out + ": ")
                .contains(b.toAbsolutePath().toString())
                .endsWith("; no file was changed\n");
        assertThat(a).hasContent("// the A.java of an earlier run");
        assertThat(everything(out)).isEqualTo(before);
    }

    private static List<Path> everything(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.sorted().toList();
        }
    }
}
