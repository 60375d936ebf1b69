package dev.lamina.spark;

import java.util.List;

/**
 * Training stopped because rows of the data set cannot be used: the weights are those of the last
 * step applied, and nothing of the step that met the rows was applied. Lists the first problems
 * (partition, row, example index and what is wrong) in example order.
 */
public final class MalformedRowsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<RowProblem> problems;
    private final long count;

    MalformedRowsException(String when, List<RowProblem> problems, long count) {
        super(message(when, problems, count));
        this.problems = List.copyOf(problems);
        this.count = count;
    }

    private static String message(String when, List<RowProblem> problems, long count) {
        StringBuilder text = new StringBuilder(
                "training stopped " + when + ": " + count + " malformed row" + (count == 1 ? "" : "s"));
        for (RowProblem problem : problems) {
            text.append(System.lineSeparator()).append("  ").append(problem);
        }
        if (count > problems.size()) {
            text.append(System.lineSeparator())
                    .append("  ... and ")
                    .append(count - problems.size())
                    .append(" more");
        }
        return text.toString();
    }

    /** The problems reported (the first ones, in example order). */
    public List<RowProblem> problems() {
        return problems;
    }

    /** How many problems there were in all. */
    public long count() {
        return count;
    }
}
