package dev.lamina.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code lamina} command: exit 0 on success, 1 on failure, 2 on a usage error. */
@Command(
        name = "lamina",
        mixinStandardHelpOptions = true,
        versionProvider = LaminaCli.Version.class,
        description =
                "Compiles .lamina neural-network specs into plain Java, checks their shapes, trains and runs them,"
                        + " imports Keras models, exports ONNX models, and serves editors (lamina lsp).",
        subcommands = {
            CommandLine.HelpCommand.class,
            CheckCommand.class,
            SummaryCommand.class,
            ExplainCommand.class,
            CompileCommand.class,
            TrainCommand.class,
            PredictCommand.class,
            ImportCommand.class,
            PlotCommand.class,
            ExportCommand.class,
            LspCommand.class
        })
public final class LaminaCli {
    /** Success. */
    public static final int EXIT_OK = 0;
    /** A spec had errors, or a command failed. */
    public static final int EXIT_FAILURE = 1;
    /** The command line itself was wrong. */
    public static final int EXIT_USAGE = 2;

    public static void main(String[] args) {
        // One pair of writers for every subcommand, flushed before exit so no diagnostic is lost.
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int exitCode = commandLine().setOut(out).setErr(err).execute(args);
        out.flush();
        err.flush();
        System.exit(exitCode);
    }

    /** The configured command line, also used by tests; picocli maps usage errors to 2. */
    public static CommandLine commandLine() {
        return new CommandLine(new LaminaCli()).setExecutionExceptionHandler(new FailureHandler());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = LaminaCli.class.getPackage().getImplementationVersion();
            return new String[] {"lamina " + (v == null ? "development build" : v)};
        }
    }
}
