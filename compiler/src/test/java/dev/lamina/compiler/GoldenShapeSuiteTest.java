package dev.lamina.compiler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lamina.compiler.diag.Diagnostic;
import dev.lamina.compiler.diag.ErrorCode;
import dev.lamina.compiler.ir.CheckedLayer;
import dev.lamina.runtime.golden.GoldenCase;
import dev.lamina.runtime.golden.GoldenCases;
import dev.lamina.runtime.golden.GoldenShapeCase;
import dev.lamina.runtime.spec.ModelSpec;
import dev.lamina.runtime.spec.Shape;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every golden model, written as {@code .lamina} source, through the whole front end: exact
 * shapes and parameter counts, the expected rejections (layer and kind), and a lowered spec equal
 * to the golden one.
 */
class GoldenShapeSuiteTest {
    @TestFactory
    Stream<DynamicTest> shapesJson() {
        return GoldenCases.shapeCases().stream()
                .map(c -> DynamicTest.dynamicTest(c.name(), () -> {
                    assumeTrue(
                            c.unsupported().isEmpty(),
                            () -> "needs " + c.unsupported().get() + ", which Lamina lacks");
                    check(c);
                }));
    }

    @TestFactory
    Stream<DynamicTest> caseFiles() {
        return GoldenCases.all().stream()
                .map(c -> DynamicTest.dynamicTest(c.name(), () -> {
                    assumeTrue(
                            c.unsupported().isEmpty(),
                            () -> "needs " + c.unsupported().get() + ", which Lamina lacks");
                    check(c);
                }));
    }

    private static void check(GoldenShapeCase c) {
        SpecSource.Rendered source = SpecSource.of("Golden", c.model());
        Compilation compilation = LaminaCompiler.compile("golden.lamina", source.text());
        if (c.expectError().isPresent()) {
            GoldenShapeCase.ExpectedError expected = c.expectError().get();
            assertThat(compilation.hasErrors())
                    .as("errors of\n%s", source.text())
                    .isTrue();
            Diagnostic first = compilation.diagnostics().stream()
                    .filter(Diagnostic::isError)
                    .findFirst()
                    .orElseThrow();
            assertThat(source.layerOfLine(first.span().line()))
                    .as("%s%s", source.text(), compilation.render())
                    .isEqualTo(expected.layer());
            assertThat(kind(first.code()))
                    .as("%s%s", source.text(), compilation.render())
                    .isEqualTo(expected.kind());
            return;
        }
        CheckedModel model = single(compilation, source);
        assertThat(model.layers().stream().map(CheckedLayer::output).toList()).isEqualTo(c.expectShapes());
        assertThat(model.layers().stream().map(CheckedLayer::params).toList()).isEqualTo(c.expectParams());
        assertThat(model.totalParams()).isEqualTo(c.expectTotalParams());
        assertThat(model.spec().layers()).isEqualTo(c.model().spec().layers());
        assertThat(model.spec().inputs()).isEqualTo(c.model().inputs());
    }

    private static void check(GoldenCase c) {
        SpecSource.Rendered source = SpecSource.of("Golden", c.declared());
        CheckedModel model = single(LaminaCompiler.compile("golden.lamina", source.text()), source);
        List<Shape> shapes = model.layers().stream().map(CheckedLayer::output).toList();
        assertThat(shapes).isEqualTo(c.expectShapes());
        assertThat(model.layers().stream().map(CheckedLayer::params).toList()).isEqualTo(c.expectParams());
        ModelSpec expected = c.model();
        assertThat(model.spec().inputs()).isEqualTo(expected.inputs());
        assertThat(model.spec().nodes()).isEqualTo(expected.nodes());
        assertThat(model.spec().output()).isEqualTo(expected.output());
        assertThat(model.spec().training()).isEqualTo(expected.training());
    }

    private static CheckedModel single(Compilation compilation, SpecSource.Rendered source) {
        assertThat(compilation.hasErrors())
                .as("%s%s", source.text(), compilation.render())
                .isFalse();
        assertThat(compilation.models()).hasSize(1);
        return compilation.models().get(0);
    }

    /** The golden error kinds our codes belong to. */
    static String kind(ErrorCode code) {
        return switch (code) {
            case RANK -> "rank";
            case TOO_SHORT -> "too_short";
            case UNKNOWN_DIMENSION -> "unknown_dim";
            case NON_POSITIVE, OUT_OF_RANGE, STRIDES_WITH_DILATION, CONCATENATE_AXIS, CONFLICTING_OPTIONS -> "option";
            case RESHAPE_SIZE -> "size";
            case UNDEFINED_TENSOR, WHICH_INPUT -> "undefined";
            case MERGE_NEEDS_LIST, MERGE_ARITY, MERGE_SHAPES -> "merge";
            default -> code.id();
        };
    }
}
