package dev.lamina.bench;

import dev.lamina.compiler.Compilation;
import dev.lamina.compiler.LaminaCompiler;
import dev.lamina.lsp.LaminaLanguageServer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.services.LanguageClient;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * How long the language server takes to re-check a large spec after a keystroke ({@link
 * LargeSpec}: {@code 5 * blocks + 2} layers). {@code compile} is the compiler's front end alone
 * (parse, check, lower); {@code edit} is what the server does for one edit: it receives a one-digit
 * change as an incremental {@code didChange}, compiles the new text on its worker, indexes it and
 * publishes the diagnostics of that version (the benchmark waits for them), with no debounce
 * delay. Each edit toggles the first dropout's rate between 0.1 and 0.2, so every version differs
 * and stays valid.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
public class RecheckBenchmark {
    private static final String URI = "file:///large.lamina";

    @Param({"20", "200"})
    public int blocks;

    private String text;
    private LaminaLanguageServer server;
    private final Client client = new Client();
    private int version;
    private Range digit;

    @Setup(Level.Trial)
    public void start() throws Exception {
        text = LargeSpec.of(blocks);
        server = new LaminaLanguageServer(0);
        server.connect(client);
        InitializeParams params = new InitializeParams();
        params.setCapabilities(new ClientCapabilities());
        server.initialize(params).get();
        // the last digit of the first "dropout(0.1": line 4 of the text
        String line = text.lines().toList().get(4);
        int column = line.indexOf("dropout(0.1") + "dropout(0.1".length() - 1;
        digit = new Range(new Position(4, column), new Position(4, column + 1));
        version = 1;
        CompletableFuture<PublishDiagnosticsParams> published = client.expect(version);
        server.getTextDocumentService()
                .didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(URI, "lamina", version, text)));
        published.get(1, TimeUnit.MINUTES);
    }

    @TearDown(Level.Trial)
    public void stop() {
        server.shutdown().join();
        server.exit();
    }

    @Benchmark
    public Compilation compile() {
        return LaminaCompiler.compile(URI, text);
    }

    @Benchmark
    public PublishDiagnosticsParams edit() throws InterruptedException, ExecutionException, TimeoutException {
        version++;
        CompletableFuture<PublishDiagnosticsParams> published = client.expect(version);
        String rate = version % 2 == 0 ? "2" : "1";
        server.getTextDocumentService()
                .didChange(new DidChangeTextDocumentParams(
                        new VersionedTextDocumentIdentifier(URI, version),
                        List.of(new TextDocumentContentChangeEvent(digit, rate))));
        PublishDiagnosticsParams result = published.get(1, TimeUnit.MINUTES);
        if (!result.getDiagnostics().isEmpty()) {
            throw new IllegalStateException("the large spec has diagnostics: " + result.getDiagnostics());
        }
        return result;
    }

    /** Completes the future of the version it waits for when the server publishes it. */
    static final class Client implements LanguageClient {
        private volatile int expected;
        private volatile CompletableFuture<PublishDiagnosticsParams> pending = new CompletableFuture<>();

        CompletableFuture<PublishDiagnosticsParams> expect(int version) {
            CompletableFuture<PublishDiagnosticsParams> future = new CompletableFuture<>();
            pending = future;
            expected = version;
            return future;
        }

        @Override
        public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
            if (diagnostics.getVersion() != null && diagnostics.getVersion() == expected) {
                pending.complete(diagnostics);
            }
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
