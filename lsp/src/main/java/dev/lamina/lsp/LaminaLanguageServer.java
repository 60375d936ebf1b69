package dev.lamina.lsp;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * The Lamina language server: announces what it offers, and exits when the client says so (exit
 * code 0 after {@code shutdown}, 1 otherwise, as the protocol asks).
 */
public final class LaminaLanguageServer implements LanguageServer, LanguageClientAware {
    /** Characters after which clients ask for completion without a word typed. */
    static final List<String> COMPLETION_TRIGGERS = List.of("(", ",", "=", "[", ">");

    private final LaminaTextDocumentService documents;
    private final LaminaWorkspaceService workspace = new LaminaWorkspaceService();
    private final CompletableFuture<Integer> exitCode = new CompletableFuture<>();
    private volatile boolean shutdownRequested;

    /** A server that compiles a document {@code debounceMillis} after its last edit. */
    public LaminaLanguageServer(long debounceMillis) {
        this.documents = new LaminaTextDocumentService(debounceMillis);
    }

    @Override
    public void connect(LanguageClient client) {
        documents.connect(client);
    }

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        documents.configure(Optional.ofNullable(params.getCapabilities()).orElseGet(ClientCapabilities::new));
        ServerCapabilities capabilities = new ServerCapabilities();
        TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
        sync.setOpenClose(true);
        sync.setChange(TextDocumentSyncKind.Incremental);
        capabilities.setTextDocumentSync(sync);
        capabilities.setHoverProvider(true);
        capabilities.setCompletionProvider(new CompletionOptions(false, COMPLETION_TRIGGERS));
        capabilities.setDefinitionProvider(true);
        capabilities.setReferencesProvider(true);
        capabilities.setDocumentSymbolProvider(true);
        capabilities.setDocumentFormattingProvider(true);
        String version = LaminaLanguageServer.class.getPackage().getImplementationVersion();
        return CompletableFuture.completedFuture(new InitializeResult(
                capabilities, new ServerInfo("lamina-lsp", version == null ? "development build" : version)));
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        shutdownRequested = true;
        return documents.shutdown().thenApply(drained -> null);
    }

    @Override
    public void exit() {
        documents.close();
        exitCode.complete(shutdownRequested ? 0 : 1);
    }

    /** Completes with the process exit code when the client sends {@code exit}. */
    public CompletableFuture<Integer> exitCode() {
        return exitCode;
    }

    @Override
    public TextDocumentService getTextDocumentService() {
        return documents;
    }

    @Override
    public WorkspaceService getWorkspaceService() {
        return workspace;
    }
}
