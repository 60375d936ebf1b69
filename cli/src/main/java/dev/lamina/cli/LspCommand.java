package dev.lamina.cli;

import dev.lamina.lsp.LanguageServerRunner;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code lamina lsp}: the language server on standard input and output, as editors launch it.
 * Standard output carries only the protocol: anything else printed during the session goes to
 * standard error, which editors show in their server log.
 */
@Command(
        name = "lsp",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the Lamina language server on standard input and output (the Language Server Protocol):"
                    + " diagnostics as you type, shapes on hover, completion, go to definition, references,"
                    + " outline and formatting for .lamina files.",
            "Editors start it themselves; see docs/editor.md. Exits 0 after the client's shutdown and exit,"
                    + " 1 when the client exits without shutting the server down."
        })
public final class LspCommand implements Callable<Integer> {
    @Override
    public Integer call() throws InterruptedException {
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream previous = System.out;
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
        try {
            int code = LanguageServerRunner.run(new FileInputStream(FileDescriptor.in), protocol);
            return code == 0 ? LaminaCli.EXIT_OK : LaminaCli.EXIT_FAILURE;
        } finally {
            protocol.flush();
            System.setOut(previous);
        }
    }
}
