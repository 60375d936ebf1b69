package dev.lamina.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import scala.Tuple2;

/**
 * The shards one partition holds for one epoch, by batch: built once per epoch from the partition's
 * examples sorted by position, and kept in memory for the epoch's steps.
 */
final class EpochBlock implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Map<Integer, List<ShardData>> byStep;

    private EpochBlock(Map<Integer, List<ShardData>> byStep) {
        this.byStep = byStep;
    }

    /** The shards of batch {@code step} held here (none for most partitions of a small batch). */
    List<ShardData> shards(int step) {
        return byStep.getOrDefault(step, List.of());
    }

    /**
     * Groups {@code sorted} (position, example) pairs into shards. A shard whose positions are not
     * each present exactly once (an index column with a gap or a repeat) carries that as a problem.
     */
    static EpochBlock build(Iterator<Tuple2<Long, Example>> sorted, ShardPlan plan, EpochOrder order, int epoch) {
        Map<Integer, List<ShardData>> byStep = new HashMap<>();
        List<Example> group = new ArrayList<>();
        List<Long> positions = new ArrayList<>();
        int groupStep = -1;
        int groupShard = -1;
        while (sorted.hasNext()) {
            Tuple2<Long, Example> next = sorted.next();
            long position = next._1();
            int step = (int) (position / plan.batchSize());
            int shard = plan.shardOf(step, (int) (position - plan.firstPosition(step)));
            if (step != groupStep || shard != groupShard) {
                if (!group.isEmpty()) {
                    add(byStep, shard(plan, order, epoch, groupStep, groupShard, group, positions));
                }
                group = new ArrayList<>();
                positions = new ArrayList<>();
                groupStep = step;
                groupShard = shard;
            }
            group.add(next._2());
            positions.add(position);
        }
        if (!group.isEmpty()) {
            add(byStep, shard(plan, order, epoch, groupStep, groupShard, group, positions));
        }
        return new EpochBlock(byStep);
    }

    private static void add(Map<Integer, List<ShardData>> byStep, ShardData shard) {
        byStep.computeIfAbsent(shard.step(), s -> new ArrayList<>()).add(shard);
    }

    private static ShardData shard(
            ShardPlan plan,
            EpochOrder order,
            int epoch,
            int step,
            int shard,
            List<Example> examples,
            List<Long> positions) {
        long first = plan.firstPosition(step) + plan.shardStart(step, shard);
        int count = plan.shardStart(step, shard + 1) - plan.shardStart(step, shard);
        List<RowProblem> problems = new ArrayList<>();
        long expected = first;
        for (int i = 0; i < examples.size(); i++) {
            Example example = examples.get(i);
            long position = positions.get(i);
            if (i > 0 && position == positions.get(i - 1)) {
                Example other = examples.get(i - 1);
                problems.add(example.asProblem("index " + example.index() + " is also the index of partition "
                        + other.partition() + ", row " + other.row() + "; the index column must number the"
                        + " examples 0..n-1, each once"));
                continue;
            }
            for (; expected < position; expected++) {
                problems.add(missing(order, epoch, expected));
            }
            expected = position + 1;
            if (example.problem() != null) {
                problems.add(example.asProblem(example.problem()));
            }
        }
        for (; expected < first + count; expected++) {
            problems.add(missing(order, epoch, expected));
        }
        if (!problems.isEmpty()) {
            return new ShardData(step, shard, count, null, null, List.copyOf(problems));
        }
        Example head = examples.get(0);
        float[][] inputs = new float[head.inputs().length][];
        for (int k = 0; k < inputs.length; k++) {
            int size = head.inputs()[k].length;
            inputs[k] = new float[count * size];
            for (int e = 0; e < count; e++) {
                System.arraycopy(examples.get(e).inputs()[k], 0, inputs[k], e * size, size);
            }
        }
        int targetSize = head.target().length;
        float[] target = new float[count * targetSize];
        for (int e = 0; e < count; e++) {
            System.arraycopy(examples.get(e).target(), 0, target, e * targetSize, targetSize);
        }
        return new ShardData(step, shard, count, inputs, target, List.of());
    }

    private static RowProblem missing(EpochOrder order, int epoch, long position) {
        long index = order.index(epoch, position);
        return new RowProblem(
                -1,
                -1,
                index,
                "no row has index " + index + "; the index column must number the examples 0..n-1, each once");
    }
}
