package dev.lamina.spark;

import java.io.Serializable;
import java.util.List;

/**
 * The examples of one shard of one global batch, flat and in position order: one array per input
 * and the targets; or, when some of its rows are malformed or missing, only the problems.
 */
record ShardData(int step, int shard, int count, float[][] inputs, float[] target, List<RowProblem> problems)
        implements Serializable {
    boolean malformed() {
        return !problems.isEmpty();
    }
}
