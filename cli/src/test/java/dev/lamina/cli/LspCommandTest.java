package dev.lamina.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.Test;

/** {@code lamina lsp} as editors start it: a process speaking the protocol on stdin and stdout. */
class LspCommandTest {
    private static final long WAIT_SECONDS = 60;

    private static Process start() throws Exception {
        return new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        LaminaCli.class.getName(),
                        "lsp")
                .start();
    }

    @Test
    void servesAnEditorOnStandardInputAndOutput() throws Exception {
        Process process = start();
        BlockingQueue<PublishDiagnosticsParams> diagnostics = new LinkedBlockingQueue<>();
        var launcher = LSPLauncher.createClientLauncher(
                new Client(diagnostics), process.getInputStream(), process.getOutputStream());
        launcher.startListening();
        LanguageServer server = launcher.getRemoteProxy();
        InitializeParams params = new InitializeParams();
        params.setCapabilities(new ClientCapabilities());
        InitializeResult init = server.initialize(params).get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(init.getServerInfo().getName()).isEqualTo("lamina-lsp");
        server.initialized(new InitializedParams());

        String uri = "file:///rank_error.lamina";
        String text = Files.readString(Path.of("..", "samples", "errors", "rank_error.lamina"));
        server.getTextDocumentService()
                .didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "lamina", 1, text)));
        PublishDiagnosticsParams published = diagnostics.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(published).isNotNull();
        assertThat(published.getDiagnostics())
                .extracting(d ->
                        d.getCode().getLeft() + " " + d.getRange().getStart().getLine() + ":"
                                + d.getRange().getStart().getCharacter())
                .containsExactly("LAM020 4:2");
        Hover hover = server.getTextDocumentService()
                .hover(new HoverParams(new TextDocumentIdentifier(uri), new Position(3, 3)))
                .get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(hover.getContents().getRight().getValue())
                .isEqualTo("**input**: (68,) per example, (None, 68) with the batch axis");

        server.shutdown().get(WAIT_SECONDS, TimeUnit.SECONDS);
        server.exit();
        assertThat(process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                .isEmpty();
    }

    @Test
    void exitsWithOneWhenTheEditorGoesAwayWithoutShuttingItDown() throws Exception {
        Process process = start();
        process.getOutputStream().close();
        assertThat(process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(1);
        assertThat(process.getInputStream().readAllBytes()).isEmpty();
    }

    @Test
    void helpSaysHowEditorsStartIt() {
        CliRun run = CliRun.of("lsp", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .startsWith("Usage: lamina lsp [-hV]\n"
                        + "Runs the Lamina language server on standard input and output (the Language\n");
        assertThat(CliRun.of("--help").out()).contains("  lsp ");
    }

    private record Client(BlockingQueue<PublishDiagnosticsParams> diagnostics) implements LanguageClient {
        @Override
        public void publishDiagnostics(PublishDiagnosticsParams params) {
            diagnostics.add(params);
        }

        @Override
        public void telemetryEvent(Object object) {}

        @Override
        public void showMessage(MessageParams messageParams) {}

        @Override
        public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams requestParams) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void logMessage(MessageParams message) {}
    }
}
