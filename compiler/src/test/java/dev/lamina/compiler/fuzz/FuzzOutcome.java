package dev.lamina.compiler.fuzz;

import dev.lamina.compiler.CheckedModel;
import dev.lamina.compiler.codegen.GeneratedModel;
import dev.lamina.compiler.diag.ErrorCode;
import java.util.List;
import java.util.Set;

/**
 * What one input did: the error codes the front end reported (none when it accepted the input),
 * the generated sources of its models, how many models the interpreter ran and why others were
 * not run, and the first failure (an exception where there must be none), if any.
 *
 * @param errorCodes the distinct codes of the error diagnostics
 * @param generated the accepted models the generator generated, with their sources
 * @param notGenerated accepted models the generator declined with an UnsupportedModelException
 * @param interpreted models the interpreter ran (a forward pass and a training step)
 * @param tooLarge models not interpreted because they exceed the oracle's size limits
 * @param noRunnableLength models with a None length for which no length from 1 to 256 fits
 * @param failure the first failure, or null
 */
record FuzzOutcome(
        Set<ErrorCode> errorCodes,
        List<Generated> generated,
        int notGenerated,
        int interpreted,
        int tooLarge,
        int noRunnableLength,
        Failure failure) {

    /** An accepted model and its generated source. */
    record Generated(CheckedModel model, GeneratedModel source) {}

    /** Where an exception escaped. */
    enum Stage {
        FRONT_END("front end"),
        GENERATOR("generator"),
        INTERPRETER("interpreter"),
        JAVAC("javac");

        final String label;

        Stage(String label) {
            this.label = label;
        }
    }

    /** An exception that escaped a stage. */
    record Failure(Stage stage, Throwable error) {
        /**
         * What identifies the bug, not the input: the stage, the exception's class and the first
         * Lamina frame of its stack.
         */
        String signature() {
            StackTraceElement where = null;
            for (StackTraceElement frame : error.getStackTrace()) {
                if (frame.getClassName().startsWith("dev.lamina.")
                        && !frame.getClassName().contains(".fuzz.")) {
                    where = frame;
                    break;
                }
            }
            return stage.label + ": " + error.getClass().getName()
                    + (where == null ? "" : " at " + where.getClassName() + "." + where.getMethodName());
        }
    }

    boolean accepted() {
        return errorCodes.isEmpty() && failure == null;
    }
}
