package dev.lamina.compiler.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamina.compiler.Compilation;
import dev.lamina.compiler.LaminaCompiler;
import dev.lamina.compiler.javac.CompilationFailedException;
import dev.lamina.compiler.javac.GeneratedModels;
import dev.lamina.compiler.javac.InMemoryJavaCompiler;
import dev.lamina.runtime.Model;
import dev.lamina.runtime.spec.Activation;
import dev.lamina.runtime.spec.InputSpec;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.ModelSpec;
import dev.lamina.runtime.spec.Padding;
import dev.lamina.runtime.spec.PoolKind;
import dev.lamina.runtime.spec.Shape;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Determinism, naming safety and the generator's refusals. */
class ModelGeneratorTest {
    private final ModelGenerator generator = new ModelGenerator("dev.lamina.generated");

    @Test
    void sameSpecGivesIdenticalSource() {
        String first = generator.generate(TestModels.activityCnn()).source();
        String second = new ModelGenerator("dev.lamina.generated")
                .generate(TestModels.activityCnn())
                .source();
        assertThat(second).isEqualTo(first);
        assertThat(first).contains("@Generated(\"dev.lamina.compiler.codegen.ModelGenerator\")");
    }

    @Test
    void keywordModelNameBecomesASafeClassName() {
        GeneratedModel model = generator.generate(toyNamed("class", "c1d"));
        assertThat(model.className()).isEqualTo("ClassModel");
        Model instance = compileAndCreate(model);
        assertThat(instance.spec().name()).isEqualTo("class");
    }

    @Test
    void modelNameHoldingCodeCannotInjectIt() {
        String hostile = "a\"; System.exit(1); \"";
        GeneratedModel model = generator.generate(toyNamed(hostile, "c1d"));
        assertThat(model.className()).isEqualTo("ASystemExit1");
        Model instance = compileAndCreate(model);
        assertThat(instance.spec().name()).isEqualTo(hostile);
        assertThat(instance.predict(new float[] {1, 2, 3, 4}, 1)).hasSize(3);
    }

    @Test
    void layerNamesThatEndCommentsOrHoldUnicodeEscapesCompile() {
        String closer = "x*/ class Evil { \\u002a/";
        ModelSpec spec = ModelSpec.sequential(
                "evil \\u000a System.exit(2);",
                new InputSpec(Shape.of(4, 1), false),
                List.of(
                        new LayerSpec.Conv1D(closer, 1, 2, 1, Padding.VALID, 1, true, Activation.RELU),
                        new LayerSpec.Flatten("int"),
                        new LayerSpec.Dense("int_", 2, true, Activation.LINEAR)),
                Optional.empty());
        String specSource = "model evil {\n\tconv1d */ \\u002a/ @param <b>\n}";
        GeneratedModel model = generator.generate(spec, specSource);
        assertThat(model.source())
                .contains(
                        " * <p>From the spec:\n *\n * <pre>\n * model evil {\n *     conv1d &#42;/ &#92;u002a/ &#64;param &lt;b&gt;\n * }\n * </pre>");
        Model instance = compileAndCreate(model);
        assertThat(instance.spec()).isEqualTo(spec);
        assertThat(instance.parameters())
                .extracting(p -> p.key())
                .containsExactly(closer + "/kernel", closer + "/bias", "int_/kernel", "int_/bias");
    }

    @Test
    void layerNamesMappingToTheSamePrefixGetDistinctMembers() {
        assertThat(JavaNames.layerPrefixes(List.of("conv_1", "conv1", "conv", "conv1d", "a", "a_out")))
                .containsExactly("conv1", "conv1_2", "conv", "conv1d", "a", "aout_2");
    }

    @Test
    void layerMethodsNameTheirSpecLineAndTheClassQuotesOnlyItsModel() {
        String text =
                """
                /* a { in a comment */
                model First {   // } in a comment
                  input [6, 2]
                  conv1d(2, 3, name="odd}name")
                  flatten
                  dense(1, activation=tanh)
                }
                model Second {
                  input [3]
                  dense(1)
                }
                """;
        Compilation compilation = LaminaCompiler.compile("some/dir/two.lamina", text);
        assertThat(compilation.diagnostics()).as(compilation.render()).isEmpty();
        String source = generator.generate(compilation.models().get(0), text).source();
        assertThat(source)
                .contains(
                        " * <pre>\n * model First {   // } in a comment\n *   input [6, 2]\n",
                        " *   dense(1, activation=tanh)\n * }\n * </pre>\n",
                        "     * Forward pass of odd}name: conv1d 2 filters",
                        "     * <p>From two.lamina:4: conv1d(2, 3, name=\"odd}name\")\n     */\n"
                                + "    private void oddNameForward(",
                        "     * <p>From two.lamina:5: flatten\n     */\n    private void flattenBackward(",
                        "     * <p>From two.lamina:6: dense(1, activation=tanh)\n")
                .doesNotContain("Second", "some/dir");
    }

    @Test
    void layerOriginsMustMatchTheLayers() {
        assertThatThrownBy(() -> generator.generate(TestModels.seedToy(), null, List.of("a", "b")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("2 layer origins for the 1 layers of model 'toy'");
    }

    @Test
    void unknownLengthIsRefusedWithAHint() {
        ModelSpec spec = ModelSpec.sequential(
                "varlen",
                new InputSpec(Shape.of(Shape.UNKNOWN, 3), false),
                List.of(
                        new LayerSpec.Conv1D("c", 2, 2, 1, Padding.VALID, 1, true, Activation.RELU),
                        new LayerSpec.GlobalPooling1D("g", PoolKind.MAX)),
                Optional.empty());
        assertThatThrownBy(() -> generator.generate(spec))
                .isInstanceOf(UnsupportedModelException.class)
                .hasMessage("model 'varlen': its input 'input' has shape (None, 3) with a length known only at"
                        + " run time; generated code needs every shape known");
    }

    @Test
    void invalidPackageIsRejected() {
        assertThatThrownBy(() -> new ModelGenerator("a.class.b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'a.class.b' is not a valid Java package name");
    }

    @Test
    void inputGradientOfIdsThrowsAndBadIdsAreReported() {
        ModelSpec spec = ModelSpec.sequential(
                "ids",
                new InputSpec(Shape.of(3), true),
                List.of(new LayerSpec.Embedding("emb", 5, 2), new LayerSpec.Flatten("f")),
                Optional.empty());
        Model model = compileAndCreate(generator.generate(spec));
        assertThat(model.predict(new float[] {0, 4, 2}, 1)).hasSize(6);
        assertThatThrownBy(() -> model.predict(new float[] {0, 5, 2}, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("input value 1 is 5.0, not a token id in [0, 5)");
        assertThatThrownBy(() -> model.predict(new float[] {0, 1.5f, 2}, 1))
                .hasMessage("input value 1 is 1.5, not a token id in [0, 5)");
        assertThatThrownBy(model::inputGradient)
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("model ids takes integer token ids: it has no input gradient");
    }

    @Test
    void forwardKeepsUpWithExternalWeightWrites() {
        Model model = compileAndCreate(generator.generate(TestModels.activityCnn()));
        float[] x = new float[511 * 2];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) Math.sin(i * 0.1);
        }
        float[] before = model.predict(x, 1);
        float[] bias = model.parameter("dense/bias").value();
        bias[0] += 5f;
        float[] after = model.predict(x, 1);
        assertThat(after[0]).isGreaterThan(before[0]);
        float sum = after[0] + after[1] + after[2] + after[3];
        assertThat(sum).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-5f));
    }

    @Test
    void compileErrorsAreReportedWithPositions() {
        assertThatThrownBy(() -> TestCompiler.create().compile("t.Broken", "package t; class Broken { int x = ; }"))
                .isInstanceOf(CompilationFailedException.class)
                .hasMessageStartingWith("compilation failed:")
                .hasMessageContaining("/t/Broken.java:1:35: illegal start of expression");
    }

    private static ModelSpec toyNamed(String model, String layer) {
        return ModelSpec.sequential(
                model,
                new InputSpec(Shape.of(4, 1), false),
                List.of(new LayerSpec.Conv1D(layer, 1, 2, 1, Padding.VALID, 1, false, Activation.LINEAR)),
                Optional.empty());
    }

    private static Model compileAndCreate(GeneratedModel model) {
        InMemoryJavaCompiler.Result result = TestCompiler.create().compile(model.qualifiedName(), model.source());
        return GeneratedModels.newInstance(result.load(model.qualifiedName()), 7);
    }
}
