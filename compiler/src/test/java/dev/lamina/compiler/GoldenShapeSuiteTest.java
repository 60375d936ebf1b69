package dev.lamina.compiler;

import static org.assertj.core.api.Assertions.assertThat;

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
        return GoldenCases.shapeCases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
    }

    @TestFactory
    Stream<DynamicTest> caseFiles() {
        return GoldenCases.all().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
    }

    private static void check(GoldenShapeCase c) {
        Compilation compilation = compile(c.model());
        if (c.expectError().isPresent()) {
            GoldenShapeCase.ExpectedError expected = c.expectError().get();
            assertThat(compilation.hasErrors())
                    .as("errors of\n%s", source(c.model()))
                    .isTrue();
            Diagnostic first = compilation.diagnostics().stream()
                    .filter(Diagnostic::isError)
                    .findFirst()
                    .orElseThrow();
            assertThat(SpecSource.layerOfLine(first.span().line()))
                    .as(compilation.render())
                    .isEqualTo(expected.layer());
            assertThat(kind(first.code())).as(compilation.render()).isEqualTo(expected.kind());
            return;
        }
        CheckedModel model = single(compilation, c.model());
        assertThat(model.layers().stream().map(CheckedLayer::output).toList()).isEqualTo(c.expectShapes());
        assertThat(model.layers().stream().map(CheckedLayer::params).toList()).isEqualTo(c.expectParams());
        assertThat(model.totalParams()).isEqualTo(c.expectTotalParams());
        assertThat(model.spec().layers()).isEqualTo(c.model().layers());
        assertThat(model.spec().input()).isEqualTo(c.model().input());
    }

    private static void check(GoldenCase c) {
        CheckedModel model = single(compile(c.model()), c.model());
        List<Shape> shapes = model.layers().stream().map(CheckedLayer::output).toList();
        assertThat(shapes).isEqualTo(c.expectShapes());
        assertThat(model.layers().stream().map(CheckedLayer::params).toList()).isEqualTo(c.expectParams());
        assertThat(model.spec().layers()).isEqualTo(c.model().layers());
        assertThat(model.spec().input()).isEqualTo(c.model().input());
        assertThat(model.spec().training()).isEqualTo(c.model().training());
    }

    private static CheckedModel single(Compilation compilation, ModelSpec spec) {
        assertThat(compilation.hasErrors())
                .as("%s%s", source(spec), compilation.render())
                .isFalse();
        assertThat(compilation.models()).hasSize(1);
        return compilation.models().get(0);
    }

    private static Compilation compile(ModelSpec spec) {
        return LaminaCompiler.compile("golden.lamina", source(spec));
    }

    private static String source(ModelSpec spec) {
        return SpecSource.of("Golden", spec);
    }

    /** The golden error kinds our codes belong to. */
    static String kind(ErrorCode code) {
        return switch (code) {
            case RANK -> "rank";
            case TOO_SHORT -> "too_short";
            case UNKNOWN_DIMENSION -> "unknown_dim";
            case NON_POSITIVE, OUT_OF_RANGE, STRIDES_WITH_DILATION -> "option";
            case RESHAPE_SIZE -> "size";
            default -> code.id();
        };
    }
}
