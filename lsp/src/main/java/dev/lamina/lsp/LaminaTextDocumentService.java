package dev.lamina.lsp;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.TextDocumentService;

/**
 * The document requests and notifications. Notifications record the text and return at once;
 * requests are answered on the {@link AnalysisWorker}, so the message loop never waits for the
 * compiler.
 */
final class LaminaTextDocumentService implements TextDocumentService {
    private final long debounceMillis;
    private volatile AnalysisWorker worker;
    private volatile boolean markdown = true;
    private volatile boolean snippets;

    LaminaTextDocumentService(long debounceMillis) {
        this.debounceMillis = debounceMillis;
    }

    void connect(LanguageClient client) {
        worker = new AnalysisWorker(debounceMillis, client::publishDiagnostics);
    }

    /** Reads what the client renders: Markdown in hovers, snippets in completions. */
    void configure(ClientCapabilities capabilities) {
        TextDocumentClientCapabilities text = capabilities.getTextDocument();
        if (text == null) {
            return;
        }
        if (text.getHover() != null && text.getHover().getContentFormat() != null) {
            markdown = text.getHover().getContentFormat().isEmpty()
                    || text.getHover().getContentFormat().contains(MarkupKind.MARKDOWN);
        }
        snippets = text.getCompletion() != null
                && text.getCompletion().getCompletionItem() != null
                && Boolean.TRUE.equals(text.getCompletion().getCompletionItem().getSnippetSupport());
    }

    /** Answers the queued requests, then takes no more work. */
    CompletableFuture<Object> shutdown() {
        return worker == null ? CompletableFuture.completedFuture(null) : worker.shutdown();
    }

    void close() {
        if (worker != null) {
            worker.close();
        }
    }

    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        var item = params.getTextDocument();
        worker.update(new TextDocument(item.getUri(), item.getVersion(), item.getText()));
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        Optional<TextDocument> open = worker.document(uri);
        if (open.isEmpty()) {
            return; // a change of a document that was never opened: nothing to apply it to
        }
        Integer version = params.getTextDocument().getVersion();
        worker.update(
                open.get().apply(version == null ? open.get().version() + 1 : version, params.getContentChanges()));
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        worker.close(params.getTextDocument().getUri());
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
        // the text was already received with the edits
    }

    @Override
    public CompletableFuture<Hover> hover(HoverParams params) {
        boolean asMarkdown = markdown;
        return worker.request(
                params.getTextDocument().getUri(),
                null,
                analysis -> Hovers.at(analysis, params.getPosition(), asMarkdown));
    }

    @Override
    public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams params) {
        boolean withSnippets = snippets;
        boolean asMarkdown = markdown;
        return worker.request(params.getTextDocument().getUri(), Either.forLeft(List.of()), analysis -> {
            int offset = analysis.lines().offset(params.getPosition());
            return Either.forLeft(Completions.at(analysis, offset, withSnippets, asMarkdown));
        });
    }

    @Override
    public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> definition(
            DefinitionParams params) {
        return worker.request(
                params.getTextDocument().getUri(),
                Either.forLeft(List.of()),
                analysis -> Either.forLeft(Navigation.definition(analysis, params.getPosition())));
    }

    @Override
    public CompletableFuture<List<? extends Location>> references(ReferenceParams params) {
        boolean declaration = params.getContext() == null || params.getContext().isIncludeDeclaration();
        return worker.request(
                params.getTextDocument().getUri(),
                List.of(),
                analysis -> Navigation.references(analysis, params.getPosition(), declaration));
    }

    @Override
    public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(
            DocumentSymbolParams params) {
        return worker.request(
                params.getTextDocument().getUri(), List.of(), analysis -> Outline.symbols(analysis).stream()
                        .map(Either::<SymbolInformation, DocumentSymbol>forRight)
                        .toList());
    }

    /** The whole file in the canonical layout; no edit when it does not parse or is already formatted. */
    @Override
    public CompletableFuture<List<? extends TextEdit>> formatting(DocumentFormattingParams params) {
        return worker.request(params.getTextDocument().getUri(), List.of(), analysis -> {
            if (!analysis.parses()) {
                return List.of();
            }
            String text = analysis.document().text();
            Optional<String> formatted;
            try {
                formatted = Formatter.format(text);
            } catch (IllegalStateException e) {
                System.err.println("lamina-lsp: " + e.getMessage());
                return List.of();
            }
            return formatted
                    .filter(f -> !f.equals(text))
                    .map(f -> List.of(new TextEdit(
                            new Range(
                                    analysis.lines().position(0),
                                    analysis.lines().end()),
                            f)))
                    .orElse(List.of());
        });
    }
}
