package dev.lamina.spark;

import dev.lamina.runtime.Model;
import dev.lamina.runtime.Parameter;
import dev.lamina.runtime.spec.LossKind;
import dev.lamina.runtime.train.Accuracy;
import java.util.List;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;

/**
 * A task's share of one training step: for each shard of the step that its partition holds, the
 * gradient of the shard's mean loss at the broadcast weights, computed by the thread's model and
 * weighted by the shard's share of the global batch ({@code count / batch}), so that the weighted
 * sum over shards is the gradient of the batch's mean loss. A shard's result is a pure function of
 * the weights, its examples, the seed and the step (dropout masks included), so a retried task
 * computes it again unchanged.
 */
final class StepTask implements Function2<StepAggregate, EpochBlock, StepAggregate> {
    private static final long serialVersionUID = 1L;

    private final ModelSource source;
    private final Broadcast<WeightsSnapshot> weights;
    private final int step;
    private final long globalStep;
    private final int batch;
    private final long seed;
    private final boolean dropout;
    private final ShardHook hook;

    StepTask(
            ModelSource source,
            Broadcast<WeightsSnapshot> weights,
            int step,
            long globalStep,
            int batch,
            long seed,
            boolean dropout,
            ShardHook hook) {
        this.source = source;
        this.weights = weights;
        this.step = step;
        this.globalStep = globalStep;
        this.batch = batch;
        this.seed = seed;
        this.dropout = dropout;
        this.hook = hook;
    }

    @Override
    public StepAggregate call(StepAggregate aggregate, EpochBlock block) {
        for (ShardData shard : block.shards(step)) {
            if (shard.malformed()) {
                aggregate.addProblems(shard.problems());
                continue;
            }
            if (hook != null) {
                hook.beforeShard(globalStep, shard.shard());
            }
            Model model = ExecutorModels.forThisThread(source, weights.value());
            model.setDropoutInTraining(dropout);
            model.setDropoutSeed(dropoutSeed(seed, globalStep, shard.shard()));
            float loss;
            try {
                loss = ModelInputs.computeGradients(model, shard.inputs(), shard.target(), shard.count());
            } catch (IllegalArgumentException e) {
                aggregate.addProblems(List.of(new RowProblem(
                        -1,
                        -1,
                        -1,
                        "shard " + shard.shard() + " of batch " + (step + 1) + " was refused by the model: "
                                + e.getMessage())));
                continue;
            }
            float share = (float) ((double) shard.count() / batch);
            float[] gradient = new float[weights.value().size()];
            int offset = 0;
            for (Parameter p : model.parameters()) {
                float[] g = p.gradient();
                for (int i = 0; i < g.length; i++) {
                    gradient[offset + i] = g[i] * share;
                }
                offset += g.length;
            }
            long correct = 0;
            long judged = 0;
            LossKind kind = model.loss().kind();
            if (Accuracy.appliesTo(kind)) {
                float[] output = model.trainingOutput();
                int lastAxis = model.outputShape().last();
                correct = Accuracy.correct(kind, output, shard.target(), output.length, lastAxis);
                judged = Accuracy.judged(kind, output.length, lastAxis);
            }
            aggregate.addShard(shard.shard(), gradient, (double) loss * shard.count() / batch, correct, judged);
        }
        return aggregate;
    }

    /** The dropout stream of one shard of one step: a function of the seed, the step and the shard alone. */
    static long dropoutSeed(long seed, long globalStep, int shard) {
        return EpochOrder.mix(EpochOrder.mix(seed ^ 0xD50F_0A11L) + globalStep * 0x9E3779B97F4A7C15L + shard);
    }
}
