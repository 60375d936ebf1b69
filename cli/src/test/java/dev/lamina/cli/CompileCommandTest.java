package dev.lamina.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.compiler.Compilation;
import dev.lamina.compiler.LaminaCompiler;
import dev.lamina.compiler.codegen.Backend;
import dev.lamina.compiler.codegen.ModelGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lamina compile}: the files written, and nothing at all on any error. */
class CompileCommandTest {
    private static final Path SAMPLES = Path.of("..", "samples", "models");

    @TempDir
    Path dir;

    @Test
    void writesOneSourcePerModelQuotingItsSpec() throws IOException {
        Path out = dir.resolve("src");
        String toy = SAMPLES.resolve("toy.lamina").toString();
        String twoFilters = SAMPLES.resolve("two_filters.lamina").toString();
        CliRun run = CliRun.of("compile", toy, twoFilters, "-d", out.toString());

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        Path toyJava = out.resolve("lamina/generated/Toy.java");
        Path twoFiltersJava = out.resolve("lamina/generated/TwoFilters.java");
        assertThat(run.out()).isEqualTo("wrote " + toyJava + "\nwrote " + twoFiltersJava + "\n");
        assertThat(files(out)).containsExactlyInAnyOrder(toyJava, twoFiltersJava);
        String modelText = "model Toy {\n  input [4, 1]\n  conv1d(1, 2, use_bias=false)\n  train {\n    loss mae\n"
                + "    optimizer adam(learning_rate=0.05)\n  }\n}";
        Compilation compilation = LaminaCompiler.compile(Path.of(toy));
        String expected = new ModelGenerator("lamina.generated")
                .generate(compilation.models().get(0), compilation.sourceText())
                .source();
        assertThat(Files.readString(toyJava))
                .isEqualTo(expected)
                .contains(" * " + modelText.replace("\n", "\n * ") + "\n")
                .contains("From toy.lamina:4: conv1d(1, 2, use_bias=false)");
    }

    @Test
    void theVectorBackendWritesVectorSourcesOnAnyJavaAndSaysWhatTheyNeed() throws IOException {
        Path out = dir.resolve("src");
        String activity = SAMPLES.resolve("activity_cnn.lamina").toString();
        CliRun run = CliRun.of("compile", activity, "-d", out.toString(), "--backend", "vector");

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        Path java = out.resolve("lamina/generated/ActivityCnn.java");
        assertThat(run.out())
                .isEqualTo("wrote " + java + "\n"
                        + "note: vector backend sources need JDK 25 or later, with --add-modules"
                        + " jdk.incubator.vector both to compile them (javac) and to run them (java)\n");
        Compilation compilation = LaminaCompiler.compile(Path.of(activity));
        String vector = new ModelGenerator("lamina.generated", Backend.VECTOR)
                .generate(compilation.models().get(0), compilation.sourceText())
                .source();
        String scalar = new ModelGenerator("lamina.generated", Backend.SCALAR)
                .generate(compilation.models().get(0), compilation.sourceText())
                .source();
        assertThat(Files.readString(java))
                .isEqualTo(vector)
                .isNotEqualTo(scalar)
                .contains("import jdk.incubator.vector.FloatVector;")
                .contains("Vector backend: needs Java 25 or later, compiled and run with {@code --add-modules"
                        + " jdk.incubator.vector}");
    }

    @Test
    void anUnknownBackendIsAUsageError() {
        CliRun run = CliRun.of(
                "compile", SAMPLES.resolve("toy.lamina").toString(), "-d", dir.toString(), "--backend", "simd");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .startsWith("Invalid value for option '--backend': 'simd' is not a backend; use scalar or vector\n");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void quotesOnlyTheModelsOwnTextAndHonoursThePackage() throws IOException {
        Path spec = Files.writeString(
                dir.resolve("two.lamina"),
                "// a } in a comment\nmodel First {\n  input [4, 1]\n  conv1d(1, 2) /* { */\n}\n\n"
                        + "model Second {\n  input [3]\n  dense(2)\n}\n");
        Path out = dir.resolve("src");
        CliRun run = CliRun.of("compile", spec.toString(), "-d", out.toString(), "--package", "com.example.nets");

        assertThat(run.exitCode()).isZero();
        String first = Files.readString(out.resolve("com/example/nets/First.java"));
        assertThat(first)
                .startsWith("package com.example.nets;\n")
                .contains(" * model First {\n *   input [4, 1]\n *   conv1d(1, 2) /* { &#42;/\n * }\n")
                .doesNotContain("Second");
        assertThat(Files.readString(out.resolve("com/example/nets/Second.java")))
                .contains(" * model Second {\n *   input [3]\n *   dense(2)\n * }\n");
    }

    @Test
    void writesNothingWhenAnySpecHasAnError() throws IOException {
        Path out = dir.resolve("src");
        CliRun run = CliRun.of(
                "compile",
                SAMPLES.resolve("toy.lamina").toString(),
                SAMPLES.resolveSibling("errors").resolve("rank_error.lamina").toString(),
                "-d",
                out.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .contains("error: conv1d takes (steps, channels) per example")
                .endsWith("1 error; nothing was written\n");
        assertThat(out).doesNotExist();
    }

    @Test
    void writesNothingWhenTwoModelsMapToOneClass() throws IOException {
        Path copy = Files.copy(SAMPLES.resolve("toy.lamina"), dir.resolve("copy.lamina"));
        Path out = dir.resolve("src");
        String toy = SAMPLES.resolve("toy.lamina").toString();
        CliRun run = CliRun.of("compile", toy, copy.toString(), "-d", out.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .isEqualTo(copy + ":2:1: error: model Toy becomes class lamina.generated.Toy, like model Toy (" + toy
                        + ":2:1) [LAM036]\n"
                        + "model Toy {\n"
                        + "^~~~~\n"
                        + "  hint: rename one of the models (class and file names must differ, also in case)\n"
                        + "1 error; nothing was written\n");
        assertThat(out).doesNotExist();
    }

    @Test
    void writesNothingForAModelTheGeneratorCannotSpecialize() throws IOException {
        Path spec = Files.writeString(
                dir.resolve("any.lamina"),
                "model Any {\n  input [None, 2]\n  conv1d(3, 2)\n  global_max_pooling1d\n  dense(1)\n}\n");
        Path out = Files.createDirectory(dir.resolve("src"));
        CliRun run =
                CliRun.of("compile", SAMPLES.resolve("toy.lamina").toString(), spec.toString(), "-d", out.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .isEqualTo(spec + ":1:1: error: no class can be generated: model 'Any': its input 'input' has"
                        + " shape (None, 2) with a length known only at run time; generated code needs every shape"
                        + " known [LAM035]\n"
                        + "model Any {\n"
                        + "^~~~~\n"
                        + "  hint: the interpreter runs such models\n"
                        + "1 error; nothing was written\n");
        assertThat(files(out)).isEmpty();
    }

    @Test
    void replacesExistingFilesAndLeavesNoTemporaryFiles() throws IOException {
        Path out = dir.resolve("src");
        Path toyJava = Files.createDirectories(out.resolve("lamina/generated")).resolve("Toy.java");
        Files.writeString(toyJava, "stale");
        CliRun run = CliRun.of("compile", SAMPLES.resolve("toy.lamina").toString(), "-d", out.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(Files.readString(toyJava)).startsWith("package lamina.generated;");
        assertThat(files(out)).containsExactly(toyJava);
    }

    @Test
    void anInvalidPackageIsAUsageError() {
        CliRun run = CliRun.of(
                "compile", SAMPLES.resolve("toy.lamina").toString(), "-d", dir.toString(), "--package", "a.class");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("--package: 'a.class' is not a valid Java package name\n");
    }

    @Test
    void classNamesDifferingOnlyInCaseCollide() throws IOException {
        Path spec = Files.writeString(
                dir.resolve("case.lamina"),
                "model Net {\n  input [3]\n  dense(1)\n}\n\nmodel NET {\n  input [3]\n  dense(1)\n}\n");
        Path out = dir.resolve("src");
        CliRun run = CliRun.of("compile", spec.toString(), "-d", out.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .isEqualTo(spec + ":6:1: error: model NET becomes class lamina.generated.NET, whose file name differs"
                        + " only in case from that of model Net (" + spec + ":1:1): they collide on case-insensitive"
                        + " file systems [LAM037]\n"
                        + "model NET {\n"
                        + "^~~~~\n"
                        + "  hint: rename one of the models (class and file names must differ, also in case)\n"
                        + "1 error; nothing was written\n");
        assertThat(out).doesNotExist();
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }
}
