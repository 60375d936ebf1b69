package dev.lamina.runtime.parallel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.runtime.AbstractModel;
import dev.lamina.runtime.BatchShards;
import dev.lamina.runtime.Model;
import dev.lamina.runtime.Parameter;
import dev.lamina.runtime.SinglePass;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Checks batch parallelism on one engine: a batch that shards gives bit-identical results for 1,
 * 2, 3 and 4 threads, and the same results as the single-pass model run block by block on the
 * shards' examples (each block below the sharding threshold) and combined by hand.
 *
 * <p>Recorded: predictions, loss, every parameter gradient, the input gradient and the training
 * outputs of one {@code computeGradients} call, then the losses and parameters over {@value
 * #STEPS} optimizer steps. Dropout stays on: the reference seeds block {@code s} of each call with
 * the {@code s}-th long drawn from a stream seeded like the model's.
 *
 * <p>A model with batch normalization ({@link #withWholeBatchStatistics}) normalizes with the
 * statistics of the whole batch, so its shards are not independent blocks: its reference is the
 * model's single pass over the whole batch ({@link SinglePass}).
 *
 * <p>Tolerance of the reference comparison: {@code |a - b| <= 1e-5 * max(|a|, |b|, scale, 1e-2)},
 * {@code scale} the tensor's largest magnitude: the sharded and block-wise runs add the same terms
 * in another order, and where terms cancel only their magnitude bounds the rounding (the criterion
 * of the engine comparisons); after {@code n} steps, {@code n x 1e-5}.
 */
public final class ShardingCheck {
    private static final int STEPS = 3;
    private static final long DROPOUT_SEED = 11;
    private static final double TOLERANCE = 1e-5;
    private static final double TERM_SCALE = 1e-2;

    private final Supplier<Model> factory;
    private final float[] x;
    private final float[] target;
    private final int batch;
    private final boolean wholeBatch;

    /** {@code factory} returns a new model with the same initial weights on each call. */
    public ShardingCheck(Supplier<Model> factory, float[] x, float[] target, int batch) {
        this(factory, x, target, batch, false);
    }

    private ShardingCheck(Supplier<Model> factory, float[] x, float[] target, int batch, boolean wholeBatch) {
        this.factory = factory;
        this.x = x;
        this.target = target;
        this.batch = batch;
        this.wholeBatch = wholeBatch;
    }

    /** The check of a model whose layers need the whole batch (batch normalization): see the class comment. */
    public static ShardingCheck withWholeBatchStatistics(
            Supplier<Model> factory, float[] x, float[] target, int batch) {
        return new ShardingCheck(factory, x, target, batch, true);
    }

    /** Runs the whole check; {@code expectedShards} is how many shards the batch must make. */
    public void assertShardedRunsAgree(int expectedShards) {
        Model probe = factory.get();
        assertThat(((AbstractModel) probe).shards(x, batch)).isEqualTo(expectedShards);
        Run single = run(1);
        for (int threads = 2; threads <= 4; threads++) {
            Run parallel = run(threads);
            String label = threads + " threads vs 1: ";
            assertThat(parallel.predictions).as(label + "predictions").containsExactly(single.predictions);
            assertThat(parallel.loss).as(label + "loss").isEqualTo(single.loss);
            for (int k = 0; k < single.gradients.size(); k++) {
                assertThat(parallel.gradients.get(k))
                        .as(label + "gradient " + k)
                        .containsExactly(single.gradients.get(k));
            }
            assertThat(parallel.inputGradient).as(label + "input gradient").containsExactly(single.inputGradient);
            assertThat(parallel.trainingOutput).as(label + "training output").containsExactly(single.trainingOutput);
            assertThat(parallel.stepLosses).as(label + "step losses").containsExactly(single.stepLosses);
            for (int k = 0; k < single.parameters.size(); k++) {
                assertThat(parallel.parameters.get(k))
                        .as(label + "parameter " + k + " after steps")
                        .containsExactly(single.parameters.get(k));
            }
        }
        Run reference = wholeBatch ? wholeBatchReference() : reference(expectedShards);
        assertClose("predictions", single.predictions, reference.predictions, 1);
        assertClose("loss", new float[] {single.loss}, new float[] {reference.loss}, 1);
        for (int k = 0; k < single.gradients.size(); k++) {
            assertClose("gradient " + k, single.gradients.get(k), reference.gradients.get(k), 1);
        }
        assertClose("input gradient", single.inputGradient, reference.inputGradient, 1);
        assertClose("training output", single.trainingOutput, reference.trainingOutput, 1);
        assertClose("step losses", single.stepLosses, reference.stepLosses, STEPS);
        for (int k = 0; k < single.parameters.size(); k++) {
            assertClose(
                    "parameter " + k + " after steps", single.parameters.get(k), reference.parameters.get(k), STEPS);
        }
    }

    /** What one model gave. */
    private static final class Run {
        float[] predictions;
        float loss;
        List<float[]> gradients = new ArrayList<>();
        float[] inputGradient;
        float[] trainingOutput;
        float[] stepLosses = new float[STEPS];
        List<float[]> parameters = new ArrayList<>();
    }

    private Run run(int threads) {
        Model model = factory.get();
        model.setThreads(threads);
        assertThat(model.threads()).isEqualTo(threads);
        model.setDropoutSeed(DROPOUT_SEED);
        Run run = new Run();
        run.predictions = model.predict(x, batch);
        run.loss = model.computeGradients(x, target, batch);
        for (Parameter p : model.parameters()) {
            run.gradients.add(p.gradient().clone());
        }
        run.inputGradient = model.inputGradient();
        run.trainingOutput = model.trainingOutput();
        for (int step = 0; step < STEPS; step++) {
            run.stepLosses[step] = model.trainStep(x, target, batch);
        }
        for (Parameter p : model.parameters()) {
            run.parameters.add(p.value().clone());
        }
        model.setThreads(1);
        return run;
    }

    /** The model's single pass over the whole batch. */
    private Run wholeBatchReference() {
        Model model = factory.get();
        model.setDropoutInTraining(false);
        Run run = new Run();
        run.predictions = SinglePass.predict(model, x, batch);
        SinglePass.Result result = SinglePass.computeGradients(model, x, target, batch);
        run.loss = result.loss();
        run.inputGradient = result.inputGradient();
        run.trainingOutput = result.trainingOutput();
        for (Parameter p : model.parameters()) {
            run.gradients.add(p.gradient().clone());
        }
        for (int step = 0; step < STEPS; step++) {
            run.stepLosses[step] =
                    SinglePass.computeGradients(model, x, target, batch).loss();
            model.optimizer().step(model.trainableParameters());
        }
        for (Parameter p : model.parameters()) {
            run.parameters.add(p.value().clone());
        }
        return run;
    }

    /** The single-pass model on each shard's block, combined by hand. */
    private Run reference(int shards) {
        Model model = factory.get();
        SplittableRandom dropout = new SplittableRandom(DROPOUT_SEED);
        Run run = new Run();
        int inSize = x.length / batch;
        int outSize = model.outputShape().size();
        run.predictions = new float[batch * outSize];
        for (int s = 0; s < shards; s++) {
            int start = BatchShards.start(batch, shards, s);
            int n = BatchShards.start(batch, shards, s + 1) - start;
            float[] block = model.predict(Arrays.copyOfRange(x, start * inSize, (start + n) * inSize), n);
            System.arraycopy(block, 0, run.predictions, start * outSize, block.length);
        }
        run.trainingOutput = new float[batch * outSize];
        run.inputGradient = new float[batch * inSize];
        run.loss = combinedGradients(model, dropout, shards, run);
        for (Parameter p : model.parameters()) {
            run.gradients.add(p.gradient().clone());
        }
        for (int step = 0; step < STEPS; step++) {
            run.stepLosses[step] = combinedGradients(model, dropout, shards, null);
            model.optimizer().step(model.trainableParameters());
        }
        for (Parameter p : model.parameters()) {
            run.parameters.add(p.value().clone());
        }
        return run;
    }

    /**
     * Runs every block with dropout seeded from {@code dropout}, leaves the batch-mean gradients in
     * the model's parameters and returns the batch-mean loss; fills {@code run}'s input gradient and
     * training outputs when given.
     */
    private float combinedGradients(Model model, SplittableRandom dropout, int shards, Run run) {
        int inSize = x.length / batch;
        int outSize = model.outputShape().size();
        int targetSize = target.length / batch;
        List<Parameter> parameters = model.parameters();
        double[][] sums = new double[parameters.size()][];
        for (int k = 0; k < sums.length; k++) {
            sums[k] = new double[parameters.get(k).size()];
        }
        double loss = 0;
        for (int s = 0; s < shards; s++) {
            int start = BatchShards.start(batch, shards, s);
            int n = BatchShards.start(batch, shards, s + 1) - start;
            double weight = (double) n / batch;
            float[] xs = Arrays.copyOfRange(x, start * inSize, (start + n) * inSize);
            assertThat(((AbstractModel) model).shards(xs, n)).isEqualTo(1);
            model.setDropoutSeed(dropout.nextLong());
            loss += weight
                    * model.computeGradients(
                            xs, Arrays.copyOfRange(target, start * targetSize, (start + n) * targetSize), n);
            for (int k = 0; k < sums.length; k++) {
                float[] g = parameters.get(k).gradient();
                for (int i = 0; i < g.length; i++) {
                    sums[k][i] += weight * g[i];
                }
            }
            if (run != null) {
                float[] dx = model.inputGradient();
                for (int i = 0; i < dx.length; i++) {
                    run.inputGradient[start * inSize + i] = (float) (weight * dx[i]);
                }
                System.arraycopy(model.trainingOutput(), 0, run.trainingOutput, start * outSize, n * outSize);
            }
        }
        for (int k = 0; k < sums.length; k++) {
            float[] g = parameters.get(k).gradient();
            for (int i = 0; i < g.length; i++) {
                g[i] = (float) sums[k][i];
            }
        }
        return (float) loss;
    }

    private static void assertClose(String what, float[] actual, float[] expected, int steps) {
        assertThat(actual).as(what + " length").hasSameSizeAs(expected);
        double scale = 0;
        for (float e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        for (int i = 0; i < expected.length; i++) {
            double a = actual[i];
            double e = expected[i];
            double bound =
                    steps * TOLERANCE * Math.max(Math.max(Math.abs(a), Math.abs(e)), Math.max(scale, TERM_SCALE));
            assertThat(Math.abs(a - e))
                    .as("%s[%d]: sharded %s, block-wise reference %s", what, i, a, e)
                    .isLessThanOrEqualTo(bound);
        }
    }
}
