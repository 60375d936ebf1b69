package dev.lamina.runtime;

import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.ModelSpec;
import dev.lamina.runtime.spec.Shape;
import java.util.List;

/**
 * How a batch is split into shards for {@link Model#setThreads}: a rule on the batch size and the
 * model's work per example alone, never on the number of threads, so results do not depend on it.
 *
 * <p>The rule: a shard holds at least {@link #MIN_SHARD_EXAMPLES} examples and at least {@link
 * #MIN_SHARD_WORK} multiply-adds of forward work; the shard count is the largest power of two, at
 * most {@link #MAX_SHARDS}, that leaves every shard that much; shards are contiguous blocks of
 * near-equal size ({@link #start}). A batch that cannot make two such shards is one shard, which
 * runs the single-pass path unchanged. Why these constants:
 *
 * <ul>
 *   <li>Powers of two balance 1, 2, 4 and 8 threads exactly (batch 32 of a large model makes 4
 *       shards: 2 per thread with 2 threads, and a core slowed by other load can take 3).
 *   <li>8 examples per shard keeps per-shard fixed costs (copying the kernel into row arrays, the
 *       per-shard gradients summed into the model's) small next to the shard's own work, and the
 *       replicas' memory bounded (8 shards at most, each with its own gradient arrays).
 *   <li>2^20 multiply-adds (a millisecond or so of a training step) makes handing a shard to
 *       another thread (tens of microseconds) cheap, and keeps small models, such as a one-filter
 *       toy, on the single-pass path at every batch size, so they are not slower at one thread.
 * </ul>
 */
public final class BatchShards {
    /** Fewest examples in a shard. */
    public static final int MIN_SHARD_EXAMPLES = 8;
    /** Most shards a batch is split into. */
    public static final int MAX_SHARDS = 8;
    /** Fewest multiply-adds of forward work in a shard. */
    public static final long MIN_SHARD_WORK = 1L << 20;

    private BatchShards() {}

    /** The number of shards for {@code batch} examples of {@code workPerExample} each. */
    public static int count(int batch, long workPerExample) {
        long byWork = (MIN_SHARD_WORK + Math.max(1, workPerExample) - 1) / Math.max(1, workPerExample);
        long perShard = Math.max(MIN_SHARD_EXAMPLES, byWork);
        long fit = batch / perShard;
        if (fit < 2) {
            return 1;
        }
        return Integer.highestOneBit((int) Math.min(fit, MAX_SHARDS));
    }

    /** The first example of {@code shard} (and, for {@code shard == shards}, the batch size). */
    public static int start(int batch, int shards, int shard) {
        return (int) ((long) shard * batch / shards);
    }

    /**
     * Estimated multiply-adds of one example's forward pass through the nodes of {@code spec} for
     * concrete per-example input shapes: a conv1d or dense layer costs its parameter count per
     * output row (step), every other layer one operation per output value.
     */
    public static long workPerExample(ModelSpec spec, List<Shape> inputShapes) {
        List<Shape> shapes = spec.tensorShapesFor(inputShapes);
        long work = 0;
        for (int n = 0; n < spec.nodes().size(); n++) {
            LayerSpec layer = spec.nodes().get(n).layer();
            Shape out = shapes.get(spec.tensorOfNode(n));
            if (layer instanceof LayerSpec.Conv1D || layer instanceof LayerSpec.Dense) {
                work += spec.parameterCount(n) * (out.size() / out.last());
            } else {
                work += out.size();
            }
        }
        return work;
    }
}
