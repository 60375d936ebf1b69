package dev.lamina.compiler.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.compiler.Compilation;
import dev.lamina.compiler.LaminaCompiler;
import dev.lamina.compiler.diag.Diagnostic;
import dev.lamina.compiler.diag.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The graph diagnostics: exact position, code, message and hint of each. */
class GraphDiagnosticsTest {
    private static List<Diagnostic> diagnostics(String... lines) {
        Compilation compilation = LaminaCompiler.compile("g.lamina", String.join("\n", lines) + "\n");
        return compilation.diagnostics();
    }

    private static void assertDiagnostic(
            Diagnostic d, int line, int column, int length, ErrorCode code, String message, String hint) {
        assertThat(d.code()).isEqualTo(code);
        assertThat(d.span().line()).isEqualTo(line);
        assertThat(d.span().column()).isEqualTo(column);
        assertThat(d.span().length()).isEqualTo(length);
        assertThat(d.message()).isEqualTo(message);
        assertThat(d.hint()).isEqualTo(hint);
    }

    @Test
    void aMisspelledTensorNameSuggestsTheClosestOne() {
        List<Diagnostic> d =
                diagnostics("model M {", "  input [8]", "  features = dense(4)", "  feature -> dense(2)", "}");
        assertThat(d).hasSize(1);
        assertDiagnostic(
                d.get(0),
                4,
                3,
                7,
                ErrorCode.UNDEFINED_TENSOR,
                "'feature' names no input or tensor defined before line 4",
                "did you mean 'features'?");
    }

    @Test
    void aNameReadBeforeItIsBoundIsUndefined() {
        List<Diagnostic> d =
                diagnostics("model M {", "  input [8]", "  a = later -> dense(4)", "  later = dense(2)", "}");
        assertDiagnostic(
                d.get(0),
                3,
                7,
                5,
                ErrorCode.UNDEFINED_TENSOR,
                "'later' names no input or tensor defined before line 3",
                "no name is bound before this line; name the input to read it by name, e.g. `input x [8]`, or bind"
                        + " a value first: `features = dense(4)`");
    }

    @Test
    void aNameBoundTwice() {
        List<Diagnostic> d =
                diagnostics("model M {", "  input [8]", "  a = dense(4)", "  a = dense(2)", "  a -> dense(1)", "}");
        assertThat(d).hasSize(1);
        assertDiagnostic(
                d.get(0),
                4,
                3,
                1,
                ErrorCode.DUPLICATE_TENSOR,
                "the name 'a' is already bound at line 3",
                "give this value another name; names are bound once, and later statements read them");
    }

    @Test
    void mergeShapesThatDisagreeShowBothShapesAndTheAxis() {
        List<Diagnostic> d = diagnostics(
                "model M {",
                "  input [32, 8]",
                "  a = conv1d(8, 3, padding=same)",
                "  b = a -> conv1d(8, 3)",
                "  [a, b] -> add",
                "}");
        assertThat(d).hasSize(1);
        assertDiagnostic(
                d.get(0),
                5,
                13,
                3,
                ErrorCode.MERGE_SHAPES,
                "the inputs of add do not fit together: input 1 has shape (32, 8) and input 2 has (30, 8): axis 1"
                        + " differs (32 vs 30) and neither is 1",
                "make the shapes equal (or 1 on the axis that differs), e.g. with a dense or a 1x1 conv1d on one"
                        + " branch");
    }

    @Test
    void concatenateNamesTheAxisThatMustBeEqual() {
        List<Diagnostic> d = diagnostics(
                "model M {",
                "  input x [10, 4]",
                "  a = x -> dense(3)",
                "  b = x -> conv1d(3, 2)",
                "  [a, b] -> concatenate",
                "}");
        assertThat(d).hasSize(1);
        assertDiagnostic(
                d.get(0),
                5,
                13,
                11,
                ErrorCode.MERGE_SHAPES,
                "the inputs of concatenate do not fit together: input 1 has shape (10, 3) and input 2 has (9, 3):"
                        + " axis 1 differs (10 vs 9) and is not the joined axis 2",
                "every axis but the joined one (axis 2) must be equal; concatenate on another axis with axis=..., or"
                        + " bring the shapes together first");
    }

    @Test
    void aThirdConcatenateInputThatDoesNotFitIsShownAgainstTheFirstTwoJoined() {
        // the first two join (2 + 6) but would not broadcast: the message joins them, it does not crash
        List<Diagnostic> d = diagnostics(
                "model M {",
                "  input x [10, 4]",
                "  a = x -> conv1d(2, 3) -> global_max_pooling1d",
                "  b = x -> conv1d(6, 3) -> global_max_pooling1d",
                "  [a, b, x] -> concatenate",
                "}");
        assertThat(d).hasSize(1);
        assertDiagnostic(
                d.get(0),
                5,
                16,
                11,
                ErrorCode.MERGE_SHAPES,
                "the inputs of concatenate do not fit together: inputs 1 to 2 combine to shape (8,) and input 3 has"
                        + " (10, 4): concatenate needs inputs of one rank, got (2,) and (10, 4)",
                "every axis but the joined one (axis 1) must be equal; concatenate on another axis with axis=..., or"
                        + " bring the shapes together first");
    }

    @Test
    void subtractTakesExactlyTwoInputs() {
        List<Diagnostic> d = diagnostics("model M {", "  input [4]", "  a = dense(2)", "  [a, a, a] -> subtract", "}");
        assertThat(d).hasSize(1);
        assertDiagnostic(
                d.get(0),
                4,
                16,
                8,
                ErrorCode.MERGE_ARITY,
                "subtract takes exactly 2 inputs (the first minus the second), got 3",
                "subtract two at a time, or add the others first: `[a, b] -> add`");
    }

    @Test
    void aMergeNeedsAList() {
        List<Diagnostic> d = diagnostics("model M {", "  input [4]", "  a = dense(2)", "  a -> add", "}");
        assertThat(d).hasSize(1);
        assertDiagnostic(
                d.get(0),
                4,
                8,
                3,
                ErrorCode.MERGE_NEEDS_LIST,
                "add merges a list of tensors, but it is given one tensor",
                "write the tensors it merges as a list: `[a, b] -> add`");
    }

    @Test
    void aConcatenationOnTheBatchAxis() {
        List<Diagnostic> d =
                diagnostics("model M {", "  input [4]", "  a = dense(2)", "  [a, a] -> concatenate(axis=0)", "}");
        assertThat(d).hasSize(1);
        assertThat(d.get(0).code()).isEqualTo(ErrorCode.CONCATENATE_AXIS);
        assertThat(d.get(0).message())
                .isEqualTo("concatenate cannot join on axis 0: axis 0 is the batch axis; concatenate on 1..1 or"
                        + " -1..-1");
    }

    @Test
    void aModelWithSeveralInputsMustSayWhichOneAStatementReads() {
        List<Diagnostic> d = diagnostics("model M {", "  input a [4]", "  input b [3]", "  dense(2)", "}");
        assertThat(d).hasSize(1);
        assertDiagnostic(
                d.get(0),
                4,
                3,
                8,
                ErrorCode.WHICH_INPUT,
                "the model has 2 inputs (a, b), so this statement must name the one it reads",
                "start the statement with the input it reads, e.g. `a -> dense(2)`");
    }

    @Test
    void severalInputsMustBeNamed() {
        List<Diagnostic> d = diagnostics("model M {", "  input [4]", "  input b [3]", "  b -> dense(2)", "}");
        assertThat(d).extracting(Diagnostic::code).containsExactly(ErrorCode.UNNAMED_INPUTS);
        assertThat(d.get(0).span().line()).isEqualTo(2);
    }

    @Test
    void aValueThatNeverReachesTheOutputIsAWarning() {
        Compilation compilation = LaminaCompiler.compile(
                "g.lamina",
                String.join(
                        "\n",
                        "model M {",
                        "  input x [4]",
                        "  input unused [3]",
                        "  a = x -> dense(2)",
                        "  x -> dense(1)",
                        "}"));
        assertThat(compilation.hasErrors()).isFalse();
        assertThat(compilation.diagnostics())
                .extracting(Diagnostic::code, d -> d.span().line(), Diagnostic::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                ErrorCode.UNUSED_VALUE,
                                3,
                                "Input 'unused' is never used: it does not reach the model's output"),
                        org.assertj.core.groups.Tuple.tuple(
                                ErrorCode.UNUSED_VALUE,
                                4,
                                "The value of dense 'dense' is never used: it does not reach the model's output"));
    }

    @Test
    void aLayerTypeAsSourceReadsThePreviousValue() {
        Compilation compilation = LaminaCompiler.compile(
                "g.lamina", String.join("\n", "model M {", "  input [4, 2]", "  flatten -> dense(1)", "}"));
        assertThat(compilation.diagnostics()).isEmpty();
        assertThat(compilation.models().get(0).layers())
                .extracting(l -> l.name())
                .containsExactly("flatten", "dense");
    }

    @Test
    void independentBranchesAreCheckedAfterAFailedOne() {
        List<Diagnostic> d = diagnostics(
                "model M {",
                "  input x [8, 2]",
                "  a = x -> conv1d(2, 9)",
                "  b = x -> dense(0)",
                "  [a, b] -> add",
                "}");
        assertThat(d).extracting(Diagnostic::code).containsExactly(ErrorCode.TOO_SHORT, ErrorCode.NON_POSITIVE);
    }
}
