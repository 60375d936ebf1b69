package dev.lamina.spark;

import org.apache.spark.Partitioner;

/**
 * Sends every example of an epoch, keyed by its position, to the partition of its shard: shard
 * {@code s} of the {@code S} shards of batch {@code b} goes to partition {@code (b + s*P/S) mod P}
 * of {@code P}. A shard is never split; a batch's shards are spread evenly over the partitions in
 * contiguous runs, so that neighbouring shards, which the {@link GradientTree} adds first, are
 * summed in the same task; the batch number rotates where the runs start.
 */
final class ShardPartitioner extends Partitioner {
    private static final long serialVersionUID = 1L;

    private final ShardPlan plan;
    private final int partitions;

    ShardPartitioner(ShardPlan plan, int partitions) {
        this.plan = plan;
        this.partitions = partitions;
    }

    @Override
    public int numPartitions() {
        return partitions;
    }

    @Override
    public int getPartition(Object key) {
        long position = (Long) key;
        int step = (int) (position / plan.batchSize());
        int shard = plan.shardOf(step, (int) (position - plan.firstPosition(step)));
        long run = (long) shard * partitions / plan.shards(step);
        return (int) ((step + run) % partitions);
    }

    @Override
    public boolean equals(Object o) {
        return o == this;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
