package dev.lamina.spark;

import java.io.Serializable;

/**
 * What is wrong with one row of a data set: its partition and its row number within that partition
 * (both as Spark numbers them in the data set given to Lamina, counting from 0, or {@code -1} for an
 * example no row holds), the example's index in the training order ({@code -1} when scoring), and
 * the problem. A problem of a whole batch has neither.
 */
public record RowProblem(int partition, long row, long example, String problem) implements Serializable {
    @Override
    public String toString() {
        if (partition >= 0) {
            return "partition " + partition + ", row " + row + (example >= 0 ? " (example " + example + ")" : "") + ": "
                    + problem;
        }
        return example >= 0 ? "example " + example + ": " + problem : problem;
    }
}
