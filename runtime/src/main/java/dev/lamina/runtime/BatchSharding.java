package dev.lamina.runtime;

import dev.lamina.runtime.spec.Shape;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * A model's batch parallelism: its worker threads, the plan of how many shards a batch makes
 * ({@link BatchShards}: a rule on the batch and the model, never on the thread count), and the
 * passes over those shards ({@link ShardedPasses}), created on the first batch that needs them.
 */
final class BatchSharding {
    private final AbstractModel model;
    private int threads = 1;
    private ShardWorkers workers;
    private ShardedPasses passes;
    private int plannedBatch;
    private List<Shape> plannedInputs;
    private int plannedShards = 1;

    BatchSharding(AbstractModel model) {
        this.model = model;
    }

    /** Runs the model's shards on {@code threads} threads (checked by the caller). */
    void setThreads(int threads) {
        if (threads == this.threads) {
            return;
        }
        if (workers != null) {
            workers.close();
        }
        workers = threads > 1 ? new ShardWorkers(model, "lamina-" + model.name(), threads - 1) : null;
        this.threads = threads;
    }

    int threads() {
        return threads;
    }

    /** The number of shards a batch of examples of these per-example input shapes makes; 1: one pass. */
    int shards(List<Shape> inputs, int batch) {
        if (batch < 2 * BatchShards.MIN_SHARD_EXAMPLES) {
            return 1;
        }
        if (batch != plannedBatch || !inputs.equals(plannedInputs)) {
            plannedShards = BatchShards.count(batch, BatchShards.workPerExample(model.spec(), inputs));
            plannedBatch = batch;
            plannedInputs = inputs;
        }
        return plannedShards;
    }

    /** The sharded passes, sized for this batch ({@code outSize} output values per example). */
    ShardedPasses passes(int batch, List<Shape> inputs, int shards, int outSize) {
        if (passes == null) {
            passes = new ShardedPasses(model);
        }
        passes.prepare(batch, inputs, shards, outSize);
        return passes;
    }

    /** The passes of the last sharded batch. */
    ShardedPasses lastPasses() {
        return passes;
    }

    /** Runs {@code task} for shards {@code 0..shards-1} on this thread and the workers. */
    void run(int shards, IntConsumer task) {
        if (workers == null) {
            for (int s = 0; s < shards; s++) {
                task.accept(s);
            }
        } else {
            workers.run(shards, task);
        }
    }
}
