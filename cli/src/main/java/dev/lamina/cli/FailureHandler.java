package dev.lamina.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception escaping a command into one line on stderr ({@code lamina: message}) and exit
 * code 1; set {@code LAMINA_DEBUG=1} to see the stack trace.
 */
final class FailureHandler implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        commandLine.getErr().println("lamina: " + message);
        if (System.getenv("LAMINA_DEBUG") != null) {
            e.printStackTrace(commandLine.getErr());
        }
        return LaminaCli.EXIT_FAILURE;
    }
}
