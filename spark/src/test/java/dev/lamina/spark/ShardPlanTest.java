package dev.lamina.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.runtime.BatchShards;
import org.junit.jupiter.api.Test;

class ShardPlanTest {
    @Test
    void batchesAreCutByTheRuleOfSetThreads() {
        long work = 1L << 18; // 4 examples' work make a shard's minimum, so 8 examples decide
        ShardPlan plan = new ShardPlan(80, 32, work);
        assertThat(plan.steps()).isEqualTo(3);
        assertThat(plan.batch(0)).isEqualTo(32);
        assertThat(plan.batch(2)).isEqualTo(16);
        assertThat(plan.shards(0)).isEqualTo(BatchShards.count(32, work)).isEqualTo(4);
        assertThat(plan.shards(2)).isEqualTo(2);
        assertThat(plan.maxShards()).isEqualTo(4);
        assertThat(plan.shardStart(0, 1)).isEqualTo(8);
        assertThat(plan.shardStart(0, 4)).isEqualTo(32);
        assertThat(plan.shardOf(0, 7)).isZero();
        assertThat(plan.shardOf(0, 8)).isEqualTo(1);
        assertThat(plan.shardOf(0, 31)).isEqualTo(3);
        assertThat(plan.shardOf(2, 15)).isEqualTo(1);
        assertThat(plan.firstPosition(2)).isEqualTo(64);
    }

    @Test
    void aSmallModelKeepsEachBatchWhole() {
        ShardPlan plan = new ShardPlan(100, 64, 10);
        assertThat(plan.shards(0)).isEqualTo(1);
        assertThat(plan.shardOf(0, 63)).isZero();
    }
}
