package dev.lamina.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.compiler.Compilation;
import dev.lamina.compiler.LaminaCompiler;
import dev.lamina.runtime.golden.ReferenceData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DiagnosticTag;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.junit.jupiter.api.Test;

/** Diagnostics are published on open and on change, exactly as {@code lamina check} reports them. */
class DiagnosticsTest {
    private static String sample(String path) throws Exception {
        return Files.readString(ReferenceData.repositoryRoot().resolve(path));
    }

    private static String line(Diagnostic d) {
        return d.getRange().getStart().getLine() + ":" + d.getRange().getStart().getCharacter() + "-"
                + d.getRange().getEnd().getLine() + ":" + d.getRange().getEnd().getCharacter() + " "
                + d.getSeverity() + " " + d.getCode().getLeft() + " " + d.getMessage();
    }

    @Test
    void theRankErrorSampleGetsItsDiagnosticAtTheExactRange() throws Exception {
        try (LspSession session = new LspSession(0)) {
            session.open(sample("samples/errors/rank_error.lamina"));
            PublishDiagnosticsParams published = session.diagnostics(1);
            assertThat(published.getUri()).isEqualTo(LspSession.URI);
            assertThat(published.getDiagnostics())
                    .extracting(DiagnosticsTest::line)
                    .containsExactly(
                            "4:2-4:32 Error LAM020 conv1d takes (steps, channels) per example, got (68,) of rank 1 (Keras:"
                                    + " expected min_ndim=3, found ndim=2)\n"
                                    + "hint: for one channel per step write `input [68, 1]`, or put `reshape([68, 1])` before"
                                    + " conv1d");
            assertThat(published.getDiagnostics().get(0).getSource()).isEqualTo("lamina");
        }
    }

    @Test
    void everySampleGetsWhatTheCheckerReports() throws Exception {
        Path root = ReferenceData.repositoryRoot().resolve("samples");
        List<Path> samples;
        try (var files = Files.walk(root)) {
            samples =
                    files.filter(f -> f.toString().endsWith(".lamina")).sorted().toList();
        }
        try (LspSession session = new LspSession(0)) {
            int version = 1;
            session.open(LspSession.URI, version, "");
            session.diagnostics(version);
            for (Path sample : samples) {
                String text = Files.readString(sample);
                session.change(++version, text);
                Compilation checked = LaminaCompiler.compile(LspSession.URI, text);
                assertThat(session.diagnostics(version).getDiagnostics())
                        .as(sample.toString())
                        .extracting(d -> d.getCode().getLeft() + " "
                                + (d.getRange().getStart().getLine() + 1) + ":"
                                + (d.getRange().getStart().getCharacter() + 1) + " " + d.getMessage())
                        .containsExactlyElementsOf(checked.diagnostics().stream()
                                .map(d -> d.code().id() + " " + d.span().line() + ":"
                                        + d.span().column() + " " + d.message()
                                        + (d.hint().isEmpty() ? "" : "\nhint: " + d.hint()))
                                .toList());
            }
            assertThat(version).isGreaterThan(6);
        }
    }

    @Test
    void warningsAndErrorsOfSeveralModelsAreAllPublished() throws Exception {
        String text = "model Unused {\n  input a [8]\n  input b [4]\n  input c [2]\n  x = a -> dense(4)\n"
                + "  y = b -> dense(2)\n  x -> dense(1)\n}\nmodel Short {\n  input [5, 1]\n  conv1d(4, 10)\n}\n";
        try (LspSession session = new LspSession(0)) {
            session.open(text);
            List<Diagnostic> diagnostics = session.diagnostics(1).getDiagnostics();
            assertThat(diagnostics)
                    .extracting(DiagnosticsTest::line)
                    .containsExactly(
                            "3:8-3:9 Warning LAM104 Input 'c' is never used: it does not reach the model's output\n"
                                    + "hint: read it in a statement (`c -> ...`) or remove it",
                            "5:11-5:19 Warning LAM104 The value of dense 'dense_1' is never used: it does not reach"
                                    + " the model's output\nhint: merge it into the output (e.g. `[a, b] ->"
                                    + " concatenate`) or remove the statement",
                            "10:2-10:15 Error LAM021 conv1d output would have -4 steps: floor((5 - 10) / 1) + 1 = -4"
                                    + " (the kernel of 10 steps is longer than the 5 steps of its input (5, 1))\n"
                                    + "hint: use a kernel_size of at most 5, padding=same, or a longer input");
            assertThat(diagnostics.get(0).getTags()).containsExactly(DiagnosticTag.Unnecessary);
            assertThat(diagnostics.get(0).getSeverity()).isEqualTo(DiagnosticSeverity.Warning);
            assertThat(diagnostics.get(2).getSeverity()).isEqualTo(DiagnosticSeverity.Error);
            assertThat(diagnostics.get(2).getTags()).isNull();
        }
    }

    @Test
    void aFileThatStopsParsingHalfWayStillGetsItsOtherDiagnostics() throws Exception {
        String text = "model A {\n  input [5, 1]\n  conv1d(4, 10)\n}\nmodel B {\n  input [8]\n  dense(4,\n}\n"
                + "model C {\n  input [3]\n  dense(2, activation=relu)\n  dense(1, activation=softmax)\n}\n";
        try (LspSession session = new LspSession(0)) {
            session.open(text);
            assertThat(session.diagnostics(1).getDiagnostics())
                    .extracting(d -> d.getCode().getLeft() + " "
                            + d.getRange().getStart().getLine())
                    .containsExactly("LAM021 2", "LAM001 7", "LAM102 11");
        }
    }

    @Test
    void positionsAfterAnEmojiCountUtf16Units() throws Exception {
        try (LspSession session = new LspSession(0)) {
            session.open("model M {\n  input [4] /* 😀 */ dense(2, activation=foo)\n}\n");
            Diagnostic d = session.diagnostics(1).getDiagnostics().get(0);
            assertThat(line(d))
                    .isEqualTo("1:41-1:44 Error LAM006 unknown activation 'foo'\nhint: expected one of:"
                            + " linear, relu, tanh, sigmoid, softmax, elu, softplus, gelu, silu, selu, leaky_relu,"
                            + " hard_sigmoid, softsign");
        }
    }

    @Test
    void closingADocumentClearsItsDiagnostics() throws Exception {
        try (LspSession session = new LspSession(0)) {
            session.open(sample("samples/errors/rank_error.lamina"));
            assertThat(session.diagnostics(1).getDiagnostics()).hasSize(1);
            session.close(LspSession.URI);
            PublishDiagnosticsParams cleared = session.published.poll(30, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(cleared).isNotNull();
            assertThat(cleared.getUri()).isEqualTo(LspSession.URI);
            assertThat(cleared.getDiagnostics()).isEmpty();
        }
    }
}
