package dev.lamina.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CompletionCapabilities;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemCapabilities;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverCapabilities;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * A client talking to a fresh server over in-memory streams through LSP4J, as an editor would:
 * JSON-RPC messages both ways, diagnostics recorded as they are published. Waits are bounded
 * (a hung server fails the test instead of hanging the build); nothing is timed.
 */
final class LspSession implements AutoCloseable {
    static final String URI = "file:///work/model.lamina";
    private static final long WAIT_SECONDS = 30;

    final BlockingQueue<PublishDiagnosticsParams> published = new LinkedBlockingQueue<>();
    final LaminaLanguageServer server;
    private final LanguageServer remote;
    private final InitializeResult initialized;
    private final Pipe toServer = new Pipe();
    private final Pipe toClient = new Pipe();

    /** A session whose server compiles {@code debounceMillis} after an edit, with a Markdown, snippet-less client. */
    LspSession(long debounceMillis) throws Exception {
        this(debounceMillis, true);
    }

    LspSession(long debounceMillis, boolean markdown) throws Exception {
        server = new LaminaLanguageServer(debounceMillis);
        var serverLauncher = LSPLauncher.createServerLauncher(server, toServer.in, toClient.out);
        server.connect(serverLauncher.getRemoteProxy());
        serverLauncher.startListening();
        remote = connect(toClient.in, toServer.out);
        initialized = initialize(remote, markdown);
    }

    /** A client on these streams, recording the diagnostics it receives. */
    LanguageServer connect(java.io.InputStream in, java.io.OutputStream out) {
        var clientLauncher = LSPLauncher.createClientLauncher(new RecordingClient(), in, out);
        clientLauncher.startListening();
        return clientLauncher.getRemoteProxy();
    }

    /** Sends {@code initialize} (hovers in Markdown or plain text, no snippets) and {@code initialized}. */
    static InitializeResult initialize(LanguageServer remote, boolean markdown) throws Exception {
        InitializeParams params = new InitializeParams();
        ClientCapabilities capabilities = new ClientCapabilities();
        TextDocumentClientCapabilities text = new TextDocumentClientCapabilities();
        text.setHover(new HoverCapabilities(List.of(markdown ? MarkupKind.MARKDOWN : MarkupKind.PLAINTEXT), false));
        CompletionCapabilities completion = new CompletionCapabilities(new CompletionItemCapabilities(false));
        text.setCompletion(completion);
        capabilities.setTextDocument(text);
        params.setCapabilities(capabilities);
        InitializeResult result = get(remote.initialize(params));
        remote.initialized(new InitializedParams());
        return result;
    }

    InitializeResult initializeResult() {
        return initialized;
    }

    void open(String text) {
        open(URI, 1, text);
    }

    void open(String uri, int version, String text) {
        remote.getTextDocumentService()
                .didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "lamina", version, text)));
    }

    /** Replaces the whole text. */
    void change(int version, String text) {
        remote.getTextDocumentService()
                .didChange(new DidChangeTextDocumentParams(
                        new VersionedTextDocumentIdentifier(URI, version),
                        List.of(new TextDocumentContentChangeEvent(text))));
    }

    /** Replaces a range (LSP positions) with {@code text}. */
    void edit(int version, Range range, String text) {
        remote.getTextDocumentService()
                .didChange(new DidChangeTextDocumentParams(
                        new VersionedTextDocumentIdentifier(URI, version),
                        List.of(new TextDocumentContentChangeEvent(range, text))));
    }

    void close(String uri) {
        remote.getTextDocumentService().didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(uri)));
    }

    /** Waits for the diagnostics of {@code version} of {@link #URI}, skipping earlier publications. */
    PublishDiagnosticsParams diagnostics(int version) throws InterruptedException {
        while (true) {
            PublishDiagnosticsParams params = published.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            assertThat(params).as("diagnostics of version %d", version).isNotNull();
            if (params.getUri().equals(URI) && params.getVersion() != null && params.getVersion() == version) {
                return params;
            }
        }
    }

    Hover hover(int line, int character) throws Exception {
        return get(remote.getTextDocumentService()
                .hover(new HoverParams(new TextDocumentIdentifier(URI), new Position(line, character))));
    }

    List<CompletionItem> completion(int line, int character) throws Exception {
        return get(remote.getTextDocumentService()
                        .completion(
                                new CompletionParams(new TextDocumentIdentifier(URI), new Position(line, character))))
                .getLeft();
    }

    List<? extends Location> definition(int line, int character) throws Exception {
        return get(remote.getTextDocumentService()
                        .definition(
                                new DefinitionParams(new TextDocumentIdentifier(URI), new Position(line, character))))
                .getLeft();
    }

    List<? extends Location> references(int line, int character, boolean declaration) throws Exception {
        return get(remote.getTextDocumentService()
                .references(new ReferenceParams(
                        new TextDocumentIdentifier(URI),
                        new Position(line, character),
                        new ReferenceContext(declaration))));
    }

    List<DocumentSymbol> symbols() throws Exception {
        return get(remote.getTextDocumentService()
                        .documentSymbol(new DocumentSymbolParams(new TextDocumentIdentifier(URI))))
                .stream()
                .map(e -> e.getRight())
                .toList();
    }

    List<? extends TextEdit> format() throws Exception {
        return get(remote.getTextDocumentService()
                .formatting(
                        new DocumentFormattingParams(new TextDocumentIdentifier(URI), new FormattingOptions(2, true))));
    }

    /** Shuts the server down and sends {@code exit}. */
    int shutdownAndExit() throws Exception {
        get(remote.shutdown());
        remote.exit();
        return get(server.exitCode());
    }

    static <T> T get(CompletableFuture<T> future) throws Exception {
        return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    static Range range(int startLine, int startCharacter, int endLine, int endCharacter) {
        return new Range(new Position(startLine, startCharacter), new Position(endLine, endCharacter));
    }

    @Override
    public void close() throws java.io.IOException {
        if (!server.exitCode().isDone()) {
            server.exit();
        }
        toServer.out.close();
        toClient.out.close();
    }

    /** Records published diagnostics; the server sends nothing else. */
    private final class RecordingClient implements LanguageClient {
        @Override
        public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
            published.add(diagnostics);
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
