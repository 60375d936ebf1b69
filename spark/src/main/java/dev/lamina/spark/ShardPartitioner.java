package dev.lamina.spark;

import org.apache.spark.Partitioner;

/**
 * Sends every example of an epoch, keyed by its position, to the partition of its shard: shard
 * {@code s} of batch {@code b} goes to partition {@code (b + s) mod partitions}, so a shard is never
 * split and the shards of a batch are spread over the partitions.
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
        return (int) (((long) step + shard) % partitions);
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
