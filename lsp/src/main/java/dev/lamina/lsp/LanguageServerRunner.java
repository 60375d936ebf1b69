package dev.lamina.lsp;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;

/** Runs the language server on a pair of streams until the client exits or closes the input. */
public final class LanguageServerRunner {
    /** How long after an edit a document is compiled, if no other edit follows. */
    public static final long DEBOUNCE_MILLIS = 50;

    private LanguageServerRunner() {}

    /**
     * Serves {@code in} and {@code out} (the protocol's framed JSON-RPC) and returns the exit code:
     * 0 when the client sent {@code shutdown} then {@code exit} (or closed the input after
     * {@code shutdown}), 1 otherwise.
     */
    public static int run(InputStream in, OutputStream out) throws InterruptedException {
        LaminaLanguageServer server = new LaminaLanguageServer(DEBOUNCE_MILLIS);
        Launcher<LanguageClient> launcher = LSPLauncher.createServerLauncher(server, in, out);
        server.connect(launcher.getRemoteProxy());
        Future<Void> listening = launcher.startListening();
        Thread input = new Thread(
                () -> {
                    try {
                        listening.get();
                    } catch (InterruptedException e) {
                        return;
                    } catch (ExecutionException e) {
                        System.err.println("lamina-lsp: the connection failed: " + e.getCause());
                    }
                    server.exit(); // the input ended: exit as if the client had said so
                },
                "lamina-lsp-input");
        input.setDaemon(true);
        input.start();
        try {
            return server.exitCode().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            input.interrupt();
        }
    }
}
