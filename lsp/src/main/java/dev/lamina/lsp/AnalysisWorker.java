package dev.lamina.lsp;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/**
 * Compiles documents and answers requests on one worker thread, so the message loop only records
 * edits and queues work. An edit schedules the document's diagnostics after a short quiet period
 * ({@code debounceMillis}; a newer edit reschedules them), and the worker always compiles the
 * newest text, so a burst of edits publishes the diagnostics of its last version, stamped with that
 * version. Requests queue behind pending work and read the analysis of the newest text; one that
 * the client cancelled before it ran is skipped.
 */
final class AnalysisWorker implements AutoCloseable {
    private final Map<String, TextDocument> documents = new ConcurrentHashMap<>();
    private final Map<String, ScheduledFuture<?>> scheduled = new ConcurrentHashMap<>();
    private final ScheduledExecutorService executor;
    private final long debounceMillis;
    private final Consumer<PublishDiagnosticsParams> publisher;
    /** Worker thread only: the newest analysis of each open document and the version last published. */
    private final Map<String, DocumentAnalysis> analyses = new HashMap<>();

    private final Map<String, Integer> published = new HashMap<>();

    AnalysisWorker(long debounceMillis, Consumer<PublishDiagnosticsParams> publisher) {
        this.debounceMillis = debounceMillis;
        this.publisher = publisher;
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "lamina-analysis");
            thread.setDaemon(true);
            return thread;
        });
        pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        pool.setRemoveOnCancelPolicy(true);
        this.executor = pool;
    }

    /** The open document, as last edited. */
    Optional<TextDocument> document(String uri) {
        return Optional.ofNullable(documents.get(uri));
    }

    /** Records a document's new text (on open or change) and schedules its diagnostics. */
    void update(TextDocument document) {
        if (executor.isShutdown()) {
            return;
        }
        documents.put(document.uri(), document);
        ScheduledFuture<?> previous = scheduled.put(
                document.uri(),
                executor.schedule(() -> publishReporting(document.uri()), debounceMillis, TimeUnit.MILLISECONDS));
        if (previous != null) {
            previous.cancel(false);
        }
    }

    /** Forgets a closed document and clears its diagnostics. */
    void close(String uri) {
        if (executor.isShutdown()) {
            return;
        }
        documents.remove(uri);
        ScheduledFuture<?> previous = scheduled.remove(uri);
        if (previous != null) {
            previous.cancel(false);
        }
        executor.execute(() -> {
            analyses.remove(uri);
            published.remove(uri);
            publisher.accept(new PublishDiagnosticsParams(uri, List.of()));
        });
    }

    /**
     * Answers a request from the analysis of the document's newest text, on the worker; the result
     * is {@code absent} when the document is not open.
     */
    <T> CompletableFuture<T> request(String uri, T absent, Function<DocumentAnalysis, T> answer) {
        CompletableFuture<T> result = new CompletableFuture<>();
        if (executor.isShutdown()) {
            result.completeExceptionally(new ResponseErrorException(
                    new ResponseError(ResponseErrorCode.InvalidRequest, "the server is shut down", null)));
            return result;
        }
        executor.execute(() -> {
            if (result.isDone()) {
                return;
            }
            try {
                result.complete(analysis(uri).map(answer).orElse(absent));
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /** Publishes; a failure (a bug) goes to the server's log, standard error, and the worker goes on. */
    private void publishReporting(String uri) {
        try {
            publish(uri);
        } catch (RuntimeException | Error e) {
            System.err.println("lamina-lsp: analysing " + uri + " failed:");
            e.printStackTrace();
        }
    }

    private void publish(String uri) {
        Optional<DocumentAnalysis> analysis = analysis(uri);
        if (analysis.isEmpty()
                || published.getOrDefault(uri, Integer.MIN_VALUE)
                        == analysis.get().version()) {
            return;
        }
        published.put(uri, analysis.get().version());
        publisher.accept(new PublishDiagnosticsParams(
                uri, analysis.get().diagnostics(), analysis.get().version()));
    }

    /** The analysis of the document's newest text, compiled now if it is not yet. */
    private Optional<DocumentAnalysis> analysis(String uri) {
        TextDocument document = documents.get(uri);
        if (document == null) {
            return Optional.empty();
        }
        DocumentAnalysis cached = analyses.get(uri);
        if (cached != null && cached.document() == document) {
            return Optional.of(cached);
        }
        DocumentAnalysis fresh = new DocumentAnalysis(document);
        analyses.put(uri, fresh);
        return Optional.of(fresh);
    }

    /**
     * Stops taking work: pending diagnostics are dropped, queued requests are answered; the result
     * completes after the last of them.
     */
    CompletableFuture<Object> shutdown() {
        CompletableFuture<Object> drained = new CompletableFuture<>();
        if (executor.isShutdown()) {
            drained.complete(null);
            return drained;
        }
        scheduled.values().forEach(task -> task.cancel(false));
        executor.execute(() -> drained.complete(null));
        executor.shutdown();
        return drained;
    }

    /** Stops at once. */
    @Override
    public void close() {
        executor.shutdownNow();
    }
}
