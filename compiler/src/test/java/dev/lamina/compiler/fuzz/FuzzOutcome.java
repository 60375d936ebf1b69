package dev.lamina.compiler.fuzz;

import dev.lamina.compiler.CheckedModel;
import dev.lamina.compiler.codegen.GeneratedModel;
import dev.lamina.compiler.diag.ErrorCode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

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
         * Lamina frame of its stack; for a stack overflow, the Lamina methods that recur in it (the
         * frame it happened to stop in varies), marked as the deep nesting known today.
         */
        String signature() {
            String kind = stage.label + ": " + error.getClass().getName();
            if (error instanceof StackOverflowError) {
                Map<String, Integer> frames = new TreeMap<>();
                for (StackTraceElement frame : error.getStackTrace()) {
                    if (isLamina(frame)) {
                        frames.merge(simpleName(frame), 1, Integer::sum);
                    }
                }
                List<String> recurring = frames.entrySet().stream()
                        .filter(e -> e.getValue() > 1)
                        .map(Map.Entry::getKey)
                        .toList();
                return kind + " recurring through " + String.join(", ", recurring)
                        + (stage == Stage.FRONT_END ? " (known: deep nesting, issue 17)" : "");
            }
            for (StackTraceElement frame : error.getStackTrace()) {
                if (isLamina(frame)) {
                    return kind + " at " + frame.getClassName() + "." + frame.getMethodName();
                }
            }
            return kind;
        }

        private static boolean isLamina(StackTraceElement frame) {
            return frame.getClassName().startsWith("dev.lamina.")
                    && !frame.getClassName().contains(".fuzz.");
        }

        private static String simpleName(StackTraceElement frame) {
            String type = frame.getClassName();
            return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethodName();
        }
    }

    boolean accepted() {
        return errorCodes.isEmpty() && failure == null;
    }
}
