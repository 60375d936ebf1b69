package dev.lamina.spark;

import java.io.Serializable;

/**
 * One training example as read from its row: its index in the training order, one array per model
 * input and the target, where the row came from, and what is wrong with it (then the arrays are
 * null), reported when a step uses it.
 */
record Example(long index, float[][] inputs, float[] target, int partition, long row, String problem)
        implements Serializable {
    RowProblem asProblem(String text) {
        return new RowProblem(partition, row, index, text);
    }
}
