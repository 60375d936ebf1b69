package dev.lamina.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.Test;

/** Initialization, shutdown and exit, and the runner's exit codes. */
class LifecycleTest {
    @Test
    void initializeAnnouncesWhatTheServerOffers() throws Exception {
        try (LspSession session = new LspSession(0)) {
            var capabilities = session.initializeResult().getCapabilities();
            assertThat(capabilities.getTextDocumentSync().getRight().getChange())
                    .isEqualTo(TextDocumentSyncKind.Incremental);
            assertThat(capabilities.getHoverProvider().getLeft()).isTrue();
            assertThat(capabilities.getCompletionProvider().getTriggerCharacters())
                    .containsExactly("(", ",", "=", "[", ">");
            assertThat(capabilities.getDefinitionProvider().getLeft()).isTrue();
            assertThat(capabilities.getReferencesProvider().getLeft()).isTrue();
            assertThat(capabilities.getDocumentSymbolProvider().getLeft()).isTrue();
            assertThat(capabilities.getDocumentFormattingProvider().getLeft()).isTrue();
            assertThat(session.initializeResult().getServerInfo().getName()).isEqualTo("lamina-lsp");
            assertThat(session.shutdownAndExit()).isZero();
        }
    }

    @Test
    void exitWithoutShutdownIsCodeOne() throws Exception {
        try (LspSession session = new LspSession(0)) {
            session.server.exit();
            assertThat(LspSession.get(session.server.exitCode())).isEqualTo(1);
        }
    }

    @Test
    void theRunnerServesAClientUntilShutdownAndExit() throws Exception {
        Pipe toServer = new Pipe();
        Pipe toClient = new Pipe();
        CompletableFuture<Integer> run = runner(toServer, toClient);
        try (LspSession client = new LspSession(0)) {
            LanguageServer remote = client.connect(toClient.in, toServer.out);
            assertThat(LspSession.initialize(remote, true).getServerInfo().getName())
                    .isEqualTo("lamina-lsp");
            remote.getTextDocumentService()
                    .didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(
                            "file:///a.lamina", "lamina", 1, "model M {\n  input [68]\n  conv1d(32, 3)\n}\n")));
            Hover hover = LspSession.get(remote.getTextDocumentService()
                    .hover(new HoverParams(new TextDocumentIdentifier("file:///a.lamina"), new Position(1, 3))));
            assertThat(hover.getContents().getRight().getValue())
                    .isEqualTo("**input**: (68,) per example, (None, 68) with the batch axis");
            PublishDiagnosticsParams diagnostics = client.published.poll(30, TimeUnit.SECONDS);
            assertThat(diagnostics.getUri()).isEqualTo("file:///a.lamina");
            assertThat(diagnostics.getDiagnostics())
                    .extracting(d -> d.getCode().getLeft())
                    .containsExactly("LAM020");
            LspSession.get(remote.shutdown());
            remote.exit();
            assertThat(LspSession.get(run)).isZero();
        }
    }

    @Test
    void theRunnerExitsWithOneWhenTheInputEndsWithoutShutdown() throws Exception {
        Pipe toServer = new Pipe();
        Pipe toClient = new Pipe();
        CompletableFuture<Integer> run = runner(toServer, toClient);
        toServer.out.close();
        assertThat(LspSession.get(run)).isEqualTo(1);
    }

    /** The runner on its own thread, as {@code lamina lsp} runs it on the main thread. */
    private static CompletableFuture<Integer> runner(Pipe toServer, Pipe toClient) {
        CompletableFuture<Integer> code = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                code.complete(LanguageServerRunner.run(toServer.in, toClient.out));
            } catch (InterruptedException | RuntimeException e) {
                code.completeExceptionally(e);
            }
        });
        thread.setDaemon(true);
        thread.start();
        return code;
    }
}
