package dev.lamina.compiler.fuzz;

import dev.lamina.compiler.diag.ErrorCode;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Counts over a fuzzing run, and their report. */
final class FuzzStats {
    long inputs;
    long accepted;
    long rejected;
    final Map<ErrorCode, Long> rejectedBy = new EnumMap<>(ErrorCode.class);
    long models;
    long generated;
    long notGenerated;
    long compiled;
    long interpreted;
    long tooLarge;
    long noRunnableLength;
    long failedInputs;
    /** Failing inputs per {@link FuzzOutcome.Failure#signature}. */
    final Map<String, Long> failures = new TreeMap<>();

    /** Adds one input's outcome. */
    void add(FuzzOutcome outcome) {
        inputs++;
        if (outcome.failure() != null) {
            failedInputs++;
            failures.merge(outcome.failure().signature(), 1L, Long::sum);
        } else if (outcome.errorCodes().isEmpty()) {
            accepted++;
        } else {
            rejected++;
            outcome.errorCodes().forEach(code -> rejectedBy.merge(code, 1L, Long::sum));
        }
        generated += outcome.generated().size();
        notGenerated += outcome.notGenerated();
        models += outcome.generated().size() + outcome.notGenerated();
        interpreted += outcome.interpreted();
        tooLarge += outcome.tooLarge();
        noRunnableLength += outcome.noRunnableLength();
    }

    /** A javac failure of a source of an input that passed the other stages. */
    void addJavacFailure(String signature) {
        failedInputs++;
        failures.merge(signature, 1L, Long::sum);
    }

    /** The counts, one per line. */
    String report() {
        StringBuilder s = new StringBuilder();
        s.append(line("inputs", inputs));
        s.append(line("accepted by the front end", accepted));
        s.append(line("rejected with diagnostics", rejected));
        rejectedBy.forEach((code, n) -> s.append(String.format(
                Locale.ROOT, "    %s %-28s %,d%n", code.id(), code.name().toLowerCase(Locale.ROOT), n)));
        s.append(line("models of accepted inputs", models));
        s.append(line("  generated", generated));
        s.append(line("  declined by the generator", notGenerated));
        s.append(line("  compiled by javac", compiled));
        s.append(line("  interpreted", interpreted));
        s.append(line("  too large to interpret", tooLarge));
        s.append(line("  no runnable None length", noRunnableLength));
        s.append(line("failing inputs", failedInputs));
        failures.forEach((signature, n) -> s.append(String.format(Locale.ROOT, "    %,d x %s%n", n, signature)));
        return s.toString();
    }

    private static String line(String label, long value) {
        return String.format(Locale.ROOT, "%-34s %,d%n", label, value);
    }
}
