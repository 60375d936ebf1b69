package dev.lamina.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.MarkupKind;
import org.junit.jupiter.api.Test;

/** Hover texts: exact shapes, parameter counts and derivations, as {@code lamina explain} derives them. */
class HoverTest {
    private static final String STRIDED = "model Strided {\n"
            + "  input [128, 1]\n"
            + "  conv1d(32, 5, strides=2, padding=\"same\")\n"
            + "  dense(4)\n"
            + "  train { loss mse; optimizer adam(learning_rate=0.01) }\n"
            + "}\n";

    private static final String GRAPH = "model G {\n"
            + "  input x [8, 2]\n"
            + "  a = conv1d(4, 3, padding=same)\n"
            + "  b = a -> dense(3)\n"
            + "  [a, b] -> concatenate\n"
            + "}\n";

    private static String hover(LspSession session, int line, int character) throws Exception {
        Hover hover = session.hover(line, character);
        assertThat(hover).as("hover at %d:%d", line, character).isNotNull();
        return hover.getContents().getRight().getValue();
    }

    @Test
    void aLayerShowsItsShapesParametersAndDerivation() throws Exception {
        try (LspSession session = new LspSession(0)) {
            session.open(STRIDED);
            Hover hover = session.hover(2, 4);
            assertThat(hover.getContents().getRight().getKind()).isEqualTo(MarkupKind.MARKDOWN);
            assertThat(hover.getContents().getRight().getValue())
                    .isEqualTo("**conv1d** (Conv1D): (128, 1) -> (64, 32), 192 parameters\n\n"
                            + "```text\n"
                            + "steps: ceil(128 / 2) = 64 (padding=same, strides=2)\n"
                            + "same padding: max((64 - 1)*2 + 5 - 128, 0) = 3 zeros, 1 on the left and 2 on the right\n"
                            + "channels: filters = 32\n"
                            + "params: kernel_size*channels*filters + filters = 5*1*32 + 32 = 192\n"
                            + "```\n\n"
                            + "1D convolution: `filters` kernels of `kernel_size` steps slide over the steps, (steps,"
                            + " channels) -> (steps', filters).");
            assertThat(hover.getRange()).isEqualTo(LspSession.range(2, 2, 2, 42));
            assertThat(hover(session, 3, 3)).startsWith("**dense** (Dense): (64, 32) -> (64, 4), 132 parameters\n");
        }
    }

    @Test
    void inputsModelsOptionsValuesAndSettingsHaveTheirOwnHovers() throws Exception {
        try (LspSession session = new LspSession(0)) {
            session.open(STRIDED);
            assertThat(hover(session, 1, 3))
                    .isEqualTo("**input**: (128, 1) per example, (None, 128, 1) with the batch axis");
            assertThat(hover(session, 0, 8))
                    .isEqualTo("**model Strided**: input (128, 1) -> output (64, 4); 2 layers, 324 parameters");
            assertThat(hover(session, 2, 18))
                    .isEqualTo(
                            "**strides** (option of conv1d): an integer, default 1\n\nSteps between the starts of two"
                                    + " windows.");
            assertThat(hover(session, 2, 9))
                    .isEqualTo("**filters** (option of conv1d): an integer, required\n\nNumber of kernels: the output"
                            + " channels.");
            assertThat(hover(session, 2, 37))
                    .isEqualTo("**same** (padding): Zeros on both ends (the smaller half on the left), so that steps' ="
                            + " ceil(steps / strides).");
            assertThat(hover(session, 4, 10)).isEqualTo("**loss**: The loss minimized in training: `loss mse`.");
            assertThat(hover(session, 4, 16)).isEqualTo("**mse** (loss): Mean squared error over every element.");
            assertThat(hover(session, 4, 31))
                    .isEqualTo("**adam** (Adam): Adam: adaptive moments of the gradients.\n\n```text\n"
                            + "learning_rate=0.001  Step size, positive.\n"
                            + "beta_1=0.9  Decay of the first-moment average, in [0, 1).\n"
                            + "beta_2=0.999  Decay of the second-moment average, in [0, 1).\n"
                            + "epsilon=1e-7  Added to the denominator for stability, positive.\n"
                            + "clipnorm  Scales each gradient tensor down to this norm at most.\n"
                            + "clipvalue  Clips each gradient element to [-clipvalue, clipvalue].\n"
                            + "global_clipnorm  Scales all gradients together down to this joint norm at most.\n```");
            assertThat(hover(session, 4, 38))
                    .isEqualTo("**learning_rate** (option of adam): a number, default 0.001\n\nStep size, positive.");
            assertThat(session.hover(5, 0)).isNull();
        }
    }

    @Test
    void tensorNamesShowTheirShapeAndWhereTheyAreBound() throws Exception {
        try (LspSession session = new LspSession(0)) {
            session.open(GRAPH);
            assertThat(hover(session, 3, 7)).isEqualTo("**a**: (8, 4), the value of conv1d, bound on line 3");
            assertThat(hover(session, 4, 6)).isEqualTo("**b**: (8, 3), the value of dense, bound on line 4");
            assertThat(hover(session, 1, 9)).isEqualTo("**x**: (8, 2), the input, bound on line 2");
            assertThat(hover(session, 4, 14))
                    .isEqualTo("**concatenate** (Concatenate): [(8, 4), (8, 3)] -> (8, 7), no parameters\n\n"
                            + "```text\n"
                            + "reads: conv1d, dense\n"
                            + "output: (8, 4) and (8, 3) joined on axis -1 (axis 2 of 3 with the batch): 4 + 3 = 7 ->"
                            + " (8, 7)\n"
                            + "params: 0 (concatenate has no weights)\n"
                            + "```\n\n"
                            + "Joins a list of tensors along `axis` (`[a, b] -> concatenate`); the other axes must be"
                            + " equal.");
        }
    }

    @Test
    void layersBeforeAnErrorKeepTheirShapesAndLaterOnesSayWhyTheyHaveNone() throws Exception {
        try (LspSession session = new LspSession(0)) {
            session.open("model M {\n  input [16, 2]\n  conv1d(8, 3)\n  conv1d(8, 20)\n  dense(1)\n}\n");
            assertThat(session.diagnostics(1).getDiagnostics()).hasSize(1);
            assertThat(hover(session, 2, 3)).startsWith("**conv1d** (Conv1D): (16, 2) -> (14, 8), 56 parameters");
            assertThat(hover(session, 4, 3))
                    .startsWith("**dense** (Dense): no shape, because this layer or one it reads has an error");
        }
    }

    @Test
    void clientsWithoutMarkdownGetPlainText() throws Exception {
        try (LspSession session = new LspSession(0, false)) {
            session.open(STRIDED);
            Hover hover = session.hover(2, 4);
            assertThat(hover.getContents().getRight().getKind()).isEqualTo(MarkupKind.PLAINTEXT);
            assertThat(hover.getContents().getRight().getValue())
                    .startsWith("conv1d (Conv1D): (128, 1) -> (64, 32), 192 parameters\n\nsteps: ceil(128 / 2) = 64");
        }
    }
}
