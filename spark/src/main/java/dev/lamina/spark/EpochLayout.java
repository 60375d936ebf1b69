package dev.lamina.spark;

import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * Lays an epoch's examples out for its steps: each example keyed by its {@link EpochOrder}
 * position, sent to its shard's partition ({@link ShardPartitioner}), sorted, and grouped into one
 * {@link EpochBlock} per partition, kept (memory, then disk) while the epoch runs.
 */
final class EpochLayout {
    private EpochLayout() {}

    /** The blocks of epoch {@code epoch} (computed by the first job that uses them). */
    static JavaRDD<EpochBlock> blocks(
            JavaRDD<Example> examples, ShardPlan plan, EpochOrder order, int epoch, int partitions) {
        return examples.mapToPair(e -> new Tuple2<>(position(order, epoch, e), e))
                .repartitionAndSortWithinPartitions(new ShardPartitioner(plan, partitions))
                .mapPartitions(sorted ->
                        List.of(EpochBlock.build(sorted, plan, order, epoch)).iterator())
                .persist(StorageLevel.MEMORY_AND_DISK());
    }

    private static long position(EpochOrder order, int epoch, Example example) {
        return order.position(epoch, example.index());
    }
}
