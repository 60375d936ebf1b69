package dev.lamina.spark;

import dev.lamina.runtime.BatchShards;
import java.io.Serializable;

/**
 * How an epoch's global batches are cut into shards: batch {@code b} holds positions {@code
 * [b*batchSize, ...)} of the {@link EpochOrder} (the last one may be short), and is split by the
 * rule {@link dev.lamina.runtime.Model#setThreads} uses ({@link BatchShards#count}, {@link
 * BatchShards#start}) on its size and the model's work per example, never on the cluster.
 */
final class ShardPlan implements Serializable {
    private static final long serialVersionUID = 1L;

    private final long examples;
    private final int batchSize;
    private final long workPerExample;
    private final int steps;

    ShardPlan(long examples, int batchSize, long workPerExample) {
        this.examples = examples;
        this.batchSize = batchSize;
        this.workPerExample = workPerExample;
        long count = (examples + batchSize - 1) / batchSize;
        if (count > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(examples + " examples in batches of " + batchSize
                    + " make more than 2^31-1 batches per epoch; use larger batches");
        }
        this.steps = (int) count;
    }

    /** Global batches per epoch. */
    int steps() {
        return steps;
    }

    int batchSize() {
        return batchSize;
    }

    /** The first position of batch {@code step}. */
    long firstPosition(int step) {
        return (long) step * batchSize;
    }

    /** The number of examples of batch {@code step}. */
    int batch(int step) {
        return (int) Math.min(batchSize, examples - firstPosition(step));
    }

    /** The number of shards of batch {@code step}. */
    int shards(int step) {
        return BatchShards.count(batch(step), workPerExample);
    }

    /** The most shards any batch has (a full batch's). */
    int maxShards() {
        return shards(0);
    }

    /** The first offset within batch {@code step} of {@code shard} (the batch size for {@code shards(step)}). */
    int shardStart(int step, int shard) {
        return BatchShards.start(batch(step), shards(step), shard);
    }

    /** The shard of batch {@code step} that holds offset {@code offset}. */
    int shardOf(int step, int offset) {
        int shards = shards(step);
        int batch = batch(step);
        for (int s = shards - 1; s > 0; s--) {
            if (offset >= BatchShards.start(batch, shards, s)) {
                return s;
            }
        }
        return 0;
    }
}
