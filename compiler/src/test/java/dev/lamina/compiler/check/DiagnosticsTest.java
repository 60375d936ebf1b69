package dev.lamina.compiler.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.compiler.Compilation;
import dev.lamina.compiler.LaminaCompiler;
import dev.lamina.compiler.diag.Diagnostic;
import dev.lamina.compiler.diag.ErrorCode;
import org.junit.jupiter.api.Test;

/** Each kind of diagnostic: exact position, code, message and hint. */
class DiagnosticsTest {
    private static Compilation compile(String text) {
        return LaminaCompiler.compile("t.lamina", text);
    }

    /** A model with this input and these layer lines (layers start on line 3). */
    private static String model(String input, String... layers) {
        return "model M {\n  input " + input + "\n"
                + String.join(
                        "",
                        java.util.Arrays.stream(layers)
                                .map(l -> "  " + l + "\n")
                                .toList())
                + "}\n";
    }

    private static Diagnostic only(String text) {
        Compilation compilation = compile(text);
        assertThat(compilation.diagnostics()).as(compilation.render()).hasSize(1);
        return compilation.diagnostics().get(0);
    }

    private static void assertDiagnostic(
            Diagnostic d, int line, int column, ErrorCode code, String message, String hint) {
        assertThat(d.code()).isEqualTo(code);
        assertThat(d.span().line()).isEqualTo(line);
        assertThat(d.span().column()).isEqualTo(column);
        assertThat(d.message()).isEqualTo(message);
        assertThat(d.hint()).isEqualTo(hint);
    }

    @Test
    void conv1dOnRankOneInputExplainsKerasNdimAndSuggestsAChannelAxis() {
        Diagnostic d = only(model("[68]", "conv1d(32, 3)"));
        assertDiagnostic(
                d,
                3,
                3,
                ErrorCode.RANK,
                "conv1d takes (steps, channels) per example, got (68,) of rank 1 (Keras: expected min_ndim=3,"
                        + " found ndim=2)",
                "for one channel per step write `input [68, 1]`, or put `reshape([68, 1])` before conv1d");
    }

    @Test
    void channelsFirstRankAndUnknownChannelErrorsNameTheLayout() {
        assertDiagnostic(
                only(model("[68]", "conv1d(32, 3, data_format=channels_first)")),
                3,
                3,
                ErrorCode.RANK,
                "conv1d takes (channels, steps) per example, got (68,) of rank 1 (Keras: expected min_ndim=3,"
                        + " found ndim=2)",
                "for one channel per step write `input [1, 68]`, or put `reshape([1, 68])` before conv1d");
        assertDiagnostic(
                only(model("[None, 8]", "conv1d(4, 3, data_format=channels_first)")),
                3,
                3,
                ErrorCode.UNKNOWN_DIMENSION,
                "conv1d needs a known number of channels, but its input (None, 8) has channels None (known only at"
                        + " run time)",
                "give the channel axis a size, e.g. `input [8, None]`");
        assertDiagnostic(
                only(model("[2, 8]", "max_pooling1d(2, data_format=channel_first)")),
                3,
                32,
                ErrorCode.UNKNOWN_VALUE,
                "unknown data_format 'channel_first'",
                "did you mean 'channels_first'?");
        assertDiagnostic(
                only(model("[2, 8]", "conv1d(4, 3, activation=softmax, data_format=channels_first)")),
                3,
                16,
                ErrorCode.OUT_OF_RANGE,
                "conv1d activation with data_format=channels_first must be element-wise, got softmax",
                "Keras would normalize over the last axis, the steps here: write `activation(softmax)` after the"
                        + " layer for that, or use data_format=channels_last to normalize over the filters");
        assertDiagnostic(
                only(model("[2, 8]", "global_max_pooling1d(data_format=channels_first)", "conv1d(1, 1)")),
                4,
                3,
                ErrorCode.RANK,
                "conv1d takes (steps, channels) per example, got (2,) of rank 1 (Keras: expected min_ndim=3,"
                        + " found ndim=2)",
                "turn the vector into a sequence first: `reshape([2, 1])` or `repeat_vector(n)`");
    }

    @Test
    void conv1dAfterAVectorSuggestsReshapeOrRepeatVector() {
        Diagnostic d = only(model("[10, 3]", "global_average_pooling1d", "conv1d(3, 2)"));
        assertDiagnostic(
                d,
                4,
                3,
                ErrorCode.RANK,
                "conv1d takes (steps, channels) per example, got (3,) of rank 1 (Keras: expected min_ndim=3,"
                        + " found ndim=2)",
                "turn the vector into a sequence first: `reshape([3, 1])` or `repeat_vector(n)`");
    }

    @Test
    void poolingOnRankOne() {
        Diagnostic d = only(model("[8]", "global_max_pooling1d"));
        assertThat(d.code()).isEqualTo(ErrorCode.RANK);
        assertThat(d.message())
                .isEqualTo("global_max_pooling1d takes (steps, channels) per example, got (8,) of rank 1 (Keras:"
                        + " expected ndim=3, found ndim=2)");
    }

    @Test
    void poolingOnRankThreeSuggestsAReshape() {
        Diagnostic d = only(model("[10] int", "embedding(5, 3)", "reshape([10, 3, 1])", "max_pooling1d"));
        assertDiagnostic(
                d,
                5,
                3,
                ErrorCode.RANK,
                "max_pooling1d takes (steps, channels) per example, got (10, 3, 1) of rank 3 (Keras: expected ndim=3,"
                        + " found ndim=4)",
                "reshape it to (steps, channels) first, e.g. `reshape([10, 3])`");
    }

    @Test
    void kerasClassNamesPointToTheLayerName() {
        assertThat(only(model("[8, 1]", "Conv1D(3, 3)")).hint()).isEqualTo("did you mean 'conv1d'?");
        assertThat(only(model("[8, 1]", "GlobalAveragePooling1D")).hint())
                .isEqualTo("did you mean 'global_average_pooling1d'?");
        assertThat(only(model("[8, 1]", "lstm(3)")).hint())
                .startsWith("expected one of: conv1d, dense, max_pooling1d, average_pooling1d,");
    }

    @Test
    void kernelLongerThanInputShowsTheArithmetic() {
        Diagnostic d = only(model("[5, 1]", "conv1d(4, 10)"));
        assertDiagnostic(
                d,
                3,
                3,
                ErrorCode.TOO_SHORT,
                "conv1d output would have -4 steps: floor((5 - 10) / 1) + 1 = -4 (the kernel of 10 steps is longer"
                        + " than the 5 steps of its input (5, 1))",
                "use a kernel_size of at most 5, padding=same, or a longer input");
    }

    @Test
    void poolLongerThanItsInputDeepInTheStack() {
        Diagnostic d = only(model("[6, 1]", "conv1d(2, 3)", "max_pooling1d(3)", "max_pooling1d(3)"));
        assertDiagnostic(
                d,
                5,
                3,
                ErrorCode.TOO_SHORT,
                "max_pooling1d output would have 0 steps: floor((1 - 3) / 3) + 1 = 0 (the pool of 3 steps is longer"
                        + " than the 1 steps of its input (1, 2))",
                "use a pool_size of at most 1, padding=same, or less downsampling before this layer");
    }

    @Test
    void flattenOnVariableLengthSuggestsGlobalPooling() {
        Diagnostic d = only(model("[None, 100]", "conv1d(8, 3)", "flatten", "dense(4)"));
        assertDiagnostic(
                d,
                4,
                3,
                ErrorCode.UNKNOWN_DIMENSION,
                "flatten needs every dimension known to count its outputs, but its input (None, 8) has a variable"
                        + " length (None)",
                "use global_average_pooling1d or global_max_pooling1d instead: they reduce any number of steps to"
                        + " (8,)");
    }

    @Test
    void stridesWithDilationPointsAtTheDilation() {
        Diagnostic d = only(model("[20, 1]", "conv1d(4, 3, strides=2, dilation_rate=2)"));
        assertDiagnostic(
                d,
                3,
                27,
                ErrorCode.STRIDES_WITH_DILATION,
                "conv1d: strides=2 and dilation_rate=2 cannot both be greater than 1",
                "Keras rejects this combination: use strides=1 with dilation_rate=2, or dilation_rate=1 with"
                        + " strides=2");
    }

    @Test
    void nonPositiveSizes() {
        assertDiagnostic(
                only(model("[20, 1]", "conv1d(0, 3)")),
                3,
                10,
                ErrorCode.NON_POSITIVE,
                "conv1d filters must be at least 1, got 0",
                "use a positive filters, e.g. filters=32");
        assertDiagnostic(
                only(model("[0, 1]", "conv1d(2, 3)")),
                2,
                10,
                ErrorCode.NON_POSITIVE,
                "input dimension must be at least 1, got 0",
                "use None for a length known only at run time");
        assertThat(only(model("[12]", "reshape([-3, 4])")).span().column()).isEqualTo(12);
    }

    @Test
    void reshapeToAnotherSize() {
        Diagnostic d = only(model("[12, 2]", "flatten", "reshape([5, 5])"));
        assertDiagnostic(
                d,
                4,
                3,
                ErrorCode.RESHAPE_SIZE,
                "reshape cannot turn (24,) (24 elements) into (5, 5) (5*5 = 25 elements)",
                "the target must hold exactly 24 elements, e.g. [24, 1]");
    }

    @Test
    void unknownNamesGetADidYouMean() {
        assertDiagnostic(
                only(model("[8, 1]", "conv2d(3, 3)")),
                3,
                3,
                ErrorCode.UNKNOWN_LAYER,
                "unknown layer 'conv2d'",
                "did you mean 'conv1d'?");
        assertDiagnostic(
                only(model("[8, 1]", "conv1d(3, 3, activaton=relu)")),
                3,
                16,
                ErrorCode.UNKNOWN_OPTION,
                "conv1d has no option 'activaton'",
                "did you mean 'activation'?");
        assertDiagnostic(
                only(model("[8, 1]", "conv1d(3, 3, activation=rleu)")),
                3,
                27,
                ErrorCode.UNKNOWN_VALUE,
                "unknown activation 'rleu'",
                "did you mean 'relu'?");
        assertDiagnostic(
                only(model("[8, 1]", "max_pooling1d(2, padding=causal)")),
                3,
                28,
                ErrorCode.UNKNOWN_VALUE,
                "unknown padding 'causal'",
                "expected one of: valid, same");
    }

    @Test
    void unknownLossAndOptimizer() {
        Compilation c =
                compile(model("[8, 1]", "conv1d(3, 3)", "train { loss categorical_crossentopy; optimizer adm }"));
        assertThat(c.diagnostics()).hasSize(2);
        assertDiagnostic(
                c.diagnostics().get(0),
                4,
                16,
                ErrorCode.UNKNOWN_LOSS,
                "unknown loss 'categorical_crossentopy'",
                "did you mean 'categorical_crossentropy'?");
        assertDiagnostic(
                c.diagnostics().get(1),
                4,
                51,
                ErrorCode.UNKNOWN_OPTIMIZER,
                "unknown optimizer 'adm'",
                "did you mean 'adam'?");
    }

    @Test
    void wrongArgumentTypes() {
        assertDiagnostic(
                only(model("[8, 1]", "dense(4.5)")),
                3,
                9,
                ErrorCode.WRONG_TYPE,
                "dense units expects an integer, got 4.5",
                "write units=<an integer>");
        assertDiagnostic(
                only(model("[8, 1]", "dense(4, use_bias=yes)")),
                3,
                21,
                ErrorCode.WRONG_TYPE,
                "dense use_bias expects true or false, got yes",
                "write use_bias=<true or false>");
    }

    @Test
    void missingAndDuplicateArguments() {
        assertDiagnostic(
                only(model("[8, 1]", "conv1d(filters=3)")),
                3,
                3,
                ErrorCode.MISSING_ARGUMENT,
                "conv1d is missing its required argument 'kernel_size'",
                "write it as `conv1d(filters, kernel_size)`");
        assertDiagnostic(
                only(model("[8, 1]", "dense(units=3, units=4)")),
                3,
                18,
                ErrorCode.DUPLICATE_ARGUMENT,
                "'units' of dense is given more than once",
                "remove one of them");
        assertDiagnostic(
                only(model("[8, 1]", "dense(3, relu, true, 4)")),
                3,
                24,
                ErrorCode.TOO_MANY_ARGUMENTS,
                "dense takes at most 3 positional arguments, got 4",
                "its options in order are: units, activation, use_bias, name");
        assertDiagnostic(
                only(model("[8, 1]", "dense(units=3, relu)")),
                3,
                18,
                ErrorCode.POSITIONAL_AFTER_KEYWORD,
                "positional argument after a keyword argument in dense",
                "give it a name, e.g. `activation=relu`");
    }

    @Test
    void duplicateLayerAndModelNames() {
        assertDiagnostic(
                only(model("[8, 1]", "dense(3, name=out)", "dense(3, name=out)")),
                4,
                12,
                ErrorCode.DUPLICATE_NAME,
                "layer name 'out' is already used at line 3",
                "give it another name= (layer and input names are unique within a model)");
        assertThat(only(model("[8, 1]", "dense(3)", "dense(3, name=dense)")).message())
                .isEqualTo("layer name 'dense' is already used at line 3");
        Diagnostic d = only(model("[4]", "dense(1)") + model("[4]", "dense(1)"));
        assertDiagnostic(
                d,
                5,
                7,
                ErrorCode.DUPLICATE_NAME,
                "model name 'M' is already used at line 1",
                "rename one of them; each model becomes its own class");
    }

    @Test
    void intOverflowInSizesAndParameterCounts() {
        assertDiagnostic(
                only(model("[8, 1]", "dense(99999999999)")),
                3,
                9,
                ErrorCode.OVERFLOW,
                "dense units = 99999999999 is too large: it does not fit in an int",
                "sizes are 32-bit ints: at most 2147483647");
        assertDiagnostic(
                only(model("[100000]", "dense(100000)")),
                3,
                3,
                ErrorCode.OVERFLOW,
                "dense 'dense' is too large: it would have 10000100000 parameters, more than an int array holds"
                        + " (2147483647)",
                "use smaller sizes; Lamina stores each tensor in one Java array");
        assertThat(only(model("[65536, 65536]", "flatten")).code()).isEqualTo(ErrorCode.OVERFLOW);
    }

    @Test
    void embeddingAndIntInputGoTogether() {
        assertDiagnostic(
                only(model("[10]", "embedding(100, 8)", "global_max_pooling1d")),
                3,
                3,
                ErrorCode.EMBEDDING_NEEDS_INT_INPUT,
                "embedding looks up integer token ids, but the input holds floats",
                "declare token ids with `input [10] int`");
        assertDiagnostic(
                only(model("[10] int", "dense(3)")),
                3,
                3,
                ErrorCode.INT_INPUT_NEEDS_EMBEDDING,
                "an int input holds token ids, which only an embedding layer can take first",
                "add e.g. `embedding(10000, 64)` as the first layer, or drop `int` for a float input");
    }

    @Test
    void warningsForLossAndOutputMismatches() {
        Compilation c = compile(model(
                "[10, 3]",
                "global_average_pooling1d",
                "dense(3)",
                "train { loss categorical_crossentropy; optimizer adam }"));
        assertThat(c.hasErrors()).isFalse();
        assertThat(c.models()).hasSize(1);
        assertDiagnostic(
                only(model(
                        "[10, 3]",
                        "global_average_pooling1d",
                        "dense(3)",
                        "train { loss categorical_crossentropy; optimizer adam }")),
                4,
                3,
                ErrorCode.CROSSENTROPY_WITHOUT_SOFTMAX,
                "categorical_crossentropy expects probabilities, but the output layer 'dense' has activation linear",
                "use activation=softmax on the last layer so it outputs class probabilities");
        Compilation softmaxOne = compile(model(
                "[10, 3]",
                "global_average_pooling1d",
                "dense(1, activation=softmax)",
                "train { loss binary_crossentropy; optimizer sgd }"));
        assertThat(softmaxOne.diagnostics())
                .extracting(Diagnostic::code)
                .containsExactly(ErrorCode.SOFTMAX_SINGLE_UNIT, ErrorCode.BINARY_CROSSENTROPY_WITHOUT_SIGMOID);
        assertThat(softmaxOne.diagnostics().get(0).message())
                .isEqualTo("softmax over a single unit always outputs 1.0 (dense outputs (1,))");
        assertThat(softmaxOne.diagnostics().get(1).message())
                .isEqualTo("binary_crossentropy expects probabilities, but the output layer 'dense' has activation"
                        + " softmax");
    }

    @Test
    void trainingSectionNeedsLossAndOptimizer() {
        Diagnostic d = only(model("[4]", "dense(1)", "train { loss mse }"));
        assertDiagnostic(
                d,
                4,
                3,
                ErrorCode.MISSING_ARGUMENT,
                "train is missing its required optimizer",
                "add e.g. `optimizer adam(learning_rate=0.001)`");
        assertDiagnostic(
                only(model("[4]", "dense(1)", "train { los mse; loss mse; optimizer sgd }")),
                4,
                11,
                ErrorCode.UNKNOWN_TRAIN_SETTING,
                "unknown training setting 'los'",
                "did you mean 'loss'?");
        assertDiagnostic(
                only(model("[4]", "dense(1)", "train { loss mse; optimizer sgd(learning_rate=0) }")),
                4,
                35,
                ErrorCode.OUT_OF_RANGE,
                "sgd learning_rate must be in (0, inf), got 0",
                "choose learning_rate in (0, inf)");
    }

    @Test
    void allErrorsOfAFileAreReportedInSourceOrder() {
        Compilation c = compile(model("[5, 1]", "conv1d(4, 10)", "conv2d(3)", "dense(0)")
                + model("[None, 4]", "flatten").replace("model M", "model N"));
        assertThat(c.diagnostics())
                .extracting(d -> d.span().line() + ":" + d.code().id())
                .containsExactly("3:LAM021", "4:LAM004", "5:LAM016", "9:LAM022");
        assertThat(c.models()).isEmpty();
    }

    @Test
    void syntaxErrorsAreDiagnosticsNotConsoleDumps() {
        Compilation c =
                compile("model A {\n  conv1d(3, 2)\n}\nmodel B {\n  input [4, 1] $\n  conv1d(3, 2\n  dense(1)\n}\n");
        assertThat(c.diagnostics())
                .extracting(d -> d.span().line() + ":" + d.span().column() + ":"
                        + d.code().id() + ":" + d.message())
                .containsExactly(
                        "2:3:LAM001:syntax error: unexpected 'conv1d' expecting 'input'",
                        "5:16:LAM002:unexpected character '$'",
                        "7:3:LAM001:syntax error: unexpected 'dense' expecting {')', ','}");
        assertThat(c.diagnostics().get(0).hint())
                .isEqualTo("a model starts with its input shape, e.g. `input [128, 1]`");
        assertThat(c.diagnostics().get(2).hint()).isEqualTo("close the argument list with `)`");
    }

    @Test
    void aSyntaxErrorInOneModelLeavesTheOthersChecked() {
        Compilation c = compile(model("[5, 1]", "conv1d(4, 10)") + "model B {\n  input [4]\n  dense(2\n}\n"
                + model("[6]", "dense(1)").replace("model M", "model C"));
        assertThat(c.diagnostics())
                .extracting(d -> d.span().line() + ":" + d.span().column() + ":"
                        + d.code().id())
                .containsExactly("3:3:LAM021", "8:1:LAM001");
        assertThat(c.models()).isEmpty();
        assertThat(c.syntaxTree().models())
                .extracting(dev.lamina.compiler.ast.ModelDecl::name)
                .containsExactly("M", "C");
        assertThat(c.inferredLayers())
                .extracting(l -> l.name() + " " + l.output())
                .containsExactly("dense (1,)");
    }

    @Test
    void layersBeforeAnErrorKeepTheirInferredShapes() {
        Compilation c =
                compile(model("[128, 1]", "conv1d(32, 5, strides=2, padding=same)", "conv1d(8, 100)", "dense(2)"));
        assertThat(c.diagnostics()).extracting(d -> d.code().id()).containsExactly("LAM021");
        assertThat(c.models()).isEmpty();
        assertThat(c.inferredLayers())
                .extracting(l -> l.name() + " " + l.output() + " " + l.params() + " line "
                        + l.span().line())
                .containsExactly("conv1d (64, 32) 192 line 3");
    }

    @Test
    void unreadableFileIsADiagnostic() {
        Compilation c = LaminaCompiler.compile(java.nio.file.Path.of("no/such/file.lamina"));
        assertThat(c.hasErrors()).isTrue();
        assertThat(c.render())
                .isEqualTo("no/such/file.lamina: error: cannot read no/such/file.lamina: no such file [LAM003]\n"
                        + "  hint: check the path\n");
    }

    @Test
    void renderingShowsTheSourceLineAndACaretUnderTheSpan() {
        Compilation c = compile(model("[5, 1]", "conv1d(4, 10)", "dense(4, activation=rleu)"));
        assertThat(c.render())
                .isEqualTo("t.lamina:3:3: error: conv1d output would have -4 steps: floor((5 - 10) / 1) + 1 = -4 (the"
                        + " kernel of 10 steps is longer than the 5 steps of its input (5, 1)) [LAM021]\n"
                        + "  conv1d(4, 10)\n"
                        + "  ^~~~~~~~~~~~~\n"
                        + "  hint: use a kernel_size of at most 5, padding=same, or a longer input\n"
                        + "t.lamina:4:23: error: unknown activation 'rleu' [LAM006]\n"
                        + "  dense(4, activation=rleu)\n"
                        + "                      ^~~~\n"
                        + "  hint: did you mean 'relu'?\n");
    }

    @Test
    void errorIdsAreUnique() {
        assertThat(java.util.Arrays.stream(ErrorCode.values()).map(ErrorCode::id))
                .doesNotHaveDuplicates()
                .allMatch(id -> id.matches("LAM\\d{3}"));
    }
}
