package dev.lamina.spark;

import dev.lamina.runtime.AbstractModel;
import dev.lamina.runtime.BatchShards;
import dev.lamina.runtime.Model;
import dev.lamina.runtime.Parameter;
import dev.lamina.runtime.train.BatchProgress;
import dev.lamina.runtime.train.EpochResult;
import dev.lamina.runtime.train.TrainingDivergedException;
import dev.lamina.runtime.train.TrainingListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * Synchronous data-parallel training of a Lamina model on a Spark data set, with results that do
 * not depend on the cluster: the same data and settings give bit-identical weights on one core or
 * many, in any number of partitions.
 *
 * <p>Each epoch visits the examples in an {@link EpochOrder} (shuffled by the seed, or in index
 * order) in global batches of {@link #batchSize} examples. A batch is cut into shards by the rule
 * {@link Model#setThreads} uses ({@link BatchShards}: it depends on the batch size and the model
 * alone), and the examples are laid out once per epoch so that each shard sits whole in one
 * partition. Each step the driver broadcasts the weights; every task computes, with the model of
 * its thread, the gradient of each shard it holds, weighted by the shard's share of the batch; the
 * gradients are summed with a {@code treeAggregate} over a fixed binary tree of shards ({@link
 * GradientTree}), and the driver applies the model's own optimizer (Keras semantics). The result
 * equals training on one JVM on the same batches ({@code model.trainStep}) within float rounding.
 *
 * <p>Rows hold one array column per model input, in declaration order ({@code features} for a
 * single input unless told otherwise), and a target column ({@code label}: an array of numbers, or
 * a number when an example has one target value, e.g. a class index for a sparse loss). The
 * examples' order is that of the data set (its partitions in order, then the rows of each), or the
 * one given by an {@link #indexColumn} numbering them 0..n-1, which a data set whose partitioning
 * changes between runs needs. A malformed row (wrong length, null, NaN, a target that does not fit
 * the loss) stops training at the step that meets it, before anything of that step is applied,
 * with a {@link MalformedRowsException} naming its partition and row.
 *
 * <pre>{@code
 * TrainingResult result = LaminaTrainer.of(ModelSource.generatedClass(ActivityCnn.class))
 *         .inputColumns(List.of("signal"))
 *         .labelColumn("activity")
 *         .batchSize(64)
 *         .epochs(10)
 *         .checkpoints("hdfs:///models/activity/checkpoints", 100)
 *         .fit(recordings);
 * result.model().saveWeights(Path.of("activity.weights"));
 * }</pre>
 */
public final class LaminaTrainer {
    private final ModelSource source;
    private Path initialWeights;
    private List<String> inputColumns;
    private String labelColumn = "label";
    private String indexColumn;
    private int batchSize = 32;
    private int epochs = 1;
    private long maxSteps = Long.MAX_VALUE;
    private long seed;
    private boolean shuffle = true;
    private boolean dropout = true;
    private String checkpointFolder;
    private int checkpointEvery;
    private int keepCheckpoints = 3;
    private String resumeFrom;
    private boolean resumeLatest;
    private int partitions;
    private final List<TrainingListener> listeners = new ArrayList<>();
    private ShardHook shardHook;

    private LaminaTrainer(ModelSource source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    /** A trainer of a model from {@code source}, with Keras's defaults: batches of 32, 1 epoch, shuffled. */
    public static LaminaTrainer of(ModelSource source) {
        return new LaminaTrainer(source);
    }

    /** The array columns of the model's inputs, one per input in declaration order. */
    public LaminaTrainer inputColumns(List<String> columns) {
        this.inputColumns = List.copyOf(columns);
        return this;
    }

    /** The target column ({@code label} by default). */
    public LaminaTrainer labelColumn(String column) {
        this.labelColumn = Objects.requireNonNull(column, "column");
        return this;
    }

    /**
     * A column of whole numbers that numbers the examples 0..n-1, each once: the training order,
     * whatever the partitioning. Without it, the data set's own order is used.
     */
    public LaminaTrainer indexColumn(String column) {
        this.indexColumn = Objects.requireNonNull(column, "column");
        return this;
    }

    /** Examples per global batch (32 by default); the batch's mean loss is minimized. */
    public LaminaTrainer batchSize(int examples) {
        if (examples < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + examples);
        }
        this.batchSize = examples;
        return this;
    }

    /** Passes over the data (1 by default). */
    public LaminaTrainer epochs(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, got " + count);
        }
        this.epochs = count;
        return this;
    }

    /** Stops after this many steps in all (steps before a resume included), even inside an epoch. */
    public LaminaTrainer maxSteps(long steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("max steps must be at least 1, got " + steps);
        }
        this.maxSteps = steps;
        return this;
    }

    /**
     * The seed of the initial weights (Keras's initializers, as {@code new Model(seed)}), of the
     * shuffling and of the dropout masks; 0 by default.
     */
    public LaminaTrainer seed(long value) {
        this.seed = value;
        return this;
    }

    /** Starts from the weights of a Lamina weights file on the driver instead of the seed's. */
    public LaminaTrainer initialWeights(Path file) {
        this.initialWeights = Objects.requireNonNull(file, "file");
        return this;
    }

    /** Whether each epoch visits the examples in a new order (on by default). */
    public LaminaTrainer shuffle(boolean enabled) {
        this.shuffle = enabled;
        return this;
    }

    /** Whether dropout layers drop in training (on by default). */
    public LaminaTrainer dropout(boolean enabled) {
        this.dropout = enabled;
        return this;
    }

    /**
     * Writes a checkpoint every {@code everySteps} steps into {@code folder}, a path of the cluster's
     * file system (e.g. {@code hdfs:///runs/activity}); the newest 3 are kept ({@link
     * #keepCheckpoints}).
     */
    public LaminaTrainer checkpoints(String folder, int everySteps) {
        if (everySteps < 1) {
            throw new IllegalArgumentException("checkpoint interval must be at least 1 step, got " + everySteps);
        }
        this.checkpointFolder = Objects.requireNonNull(folder, "folder");
        this.checkpointEvery = everySteps;
        return this;
    }

    /** How many checkpoints to keep, newest first (3 by default). */
    public LaminaTrainer keepCheckpoints(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("keep at least 1 checkpoint, got " + count);
        }
        this.keepCheckpoints = count;
        return this;
    }

    /**
     * Resumes from a checkpoint: a {@code step-N} folder, or a checkpoint folder (its newest); the run
     * must have the same data size, batch size, seed, shuffling and dropout. The result is the one
     * an uninterrupted run gives.
     */
    public LaminaTrainer resumeFrom(String checkpoint) {
        this.resumeFrom = Objects.requireNonNull(checkpoint, "checkpoint");
        return this;
    }

    /**
     * Resumes from the newest checkpoint of the {@link #checkpoints} folder when it has one, else
     * starts afresh: what a job that may be submitted again after a failure wants.
     */
    public LaminaTrainer resumeLatest() {
        this.resumeLatest = true;
        return this;
    }

    /**
     * The number of partitions the examples are laid out in for the steps; by default the smaller of
     * the cluster's default parallelism and the shards of a batch. It changes where shards run, not
     * the result.
     */
    public LaminaTrainer partitions(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, got " + count);
        }
        this.partitions = count;
        return this;
    }

    /** Observes the steps and epochs, e.g. {@code ConsoleReporter.toStandardOutput()}. */
    public LaminaTrainer listener(TrainingListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /** For tests: runs {@code hook} on the executor before each shard's gradient. */
    LaminaTrainer shardHook(ShardHook hook) {
        this.shardHook = hook;
        return this;
    }

    /**
     * Trains a new model on {@code data}: initialized from the seed, or from the {@link
     * #initialWeights} file.
     *
     * @see #fit(Dataset, Model)
     */
    public TrainingResult fit(Dataset<Row> data) {
        Model model = source.create(seed);
        if (initialWeights != null) {
            try {
                model.loadWeights(initialWeights);
            } catch (IOException e) {
                throw new UncheckedIOException(e.getMessage(), e);
            }
        }
        return fit(data, model);
    }

    /**
     * Trains {@code model}, a model of this trainer's source, in place on {@code data}: its weights
     * and its optimizer (the seed and the initial weights file are not used). When training stops
     * with an exception, the model holds the weights of the last step applied.
     *
     * @throws IllegalArgumentException when the columns do not fit the model, or a checkpoint to
     *     resume from is missing or from another run
     * @throws MalformedRowsException when rows cannot be used (nothing of that step is applied)
     * @throws TrainingDivergedException when a batch's loss is NaN or infinite (not applied)
     * @throws UncheckedIOException when a checkpoint cannot be read or written
     */
    public TrainingResult fit(Dataset<Row> data, Model model) {
        if (resumeLatest && checkpointFolder == null) {
            throw new IllegalArgumentException(
                    "resumeLatest() needs a checkpoint folder: set checkpoints(folder, steps)");
        }
        int[] normalizations = AbstractModel.batchNormalizationNodes(model.spec());
        if (normalizations.length > 0) {
            // each task would normalize by its shard's statistics: results would depend on the partitioning
            throw new IllegalArgumentException("model " + model.name() + " has batch normalization ("
                    + model.spec().nodes().get(normalizations[0]).name() + "), whose training statistics are"
                    + " those of the whole batch; Spark training does not combine them across tasks yet. Train it"
                    + " with `lamina train` or Trainer, then score it on Spark");
        }
        try {
            WeightsSnapshot.of(model).loadInto(source.create(0)); // the executors' models take its weights
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(
                    "model " + model.name() + " is not a model of " + source.description() + ": " + e.getMessage(), e);
        }
        List<String> columns = inputColumns != null ? inputColumns : ModelInputs.defaultColumns(model);
        ExampleReader.forTraining(data.schema(), columns, labelColumn, model); // checks the columns first
        Dataset<Row> selected = ExampleRows.select(data, columns, labelColumn, indexColumn);
        ExampleReader reader = ExampleReader.forTraining(selected.schema(), columns, labelColumn, model);
        JavaSparkContext context =
                JavaSparkContext.fromSparkContext(data.sparkSession().sparkContext());

        JavaRDD<Example> examples =
                ExampleRows.read(selected, reader, indexColumn != null).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            long count = examples.count();
            if (count == 0) {
                throw new IllegalArgumentException("the data set has no rows to train on");
            }
            if (indexColumn != null) {
                ExampleRows.checkIndexes(examples, count, indexColumn);
            }
            return train(context, model, examples, count);
        } finally {
            examples.unpersist(false);
        }
    }

    private TrainingResult train(JavaSparkContext context, Model model, JavaRDD<Example> examples, long count) {
        long work = BatchShards.workPerExample(model.spec(), List.of(model.inputShape()));
        ShardPlan plan = new ShardPlan(count, batchSize, work);
        EpochOrder order = new EpochOrder(count, seed, shuffle);
        int layoutPartitions =
                partitions > 0 ? partitions : Math.max(1, Math.min(context.defaultParallelism(), plan.maxShards()));
        TrainingProgress run = new TrainingProgress(
                model.name(), model.parameterCount(), count, batchSize, seed, shuffle, dropout, 0, 0, 0, 0);
        CheckpointStore store = checkpointFolder == null
                ? null
                : new CheckpointStore(checkpointFolder, context.hadoopConfiguration(), keepCheckpoints);
        TrainingProgress progress = resume(context, model, run, store);

        long totalSteps = Math.min(maxSteps, (long) epochs * plan.steps());
        long step = progress.step();
        double epochLoss = progress.epochLoss();
        long correct = progress.epochCorrect();
        long judged = progress.epochJudged();
        List<EpochResult> history = new ArrayList<>();
        JavaRDD<EpochBlock> blocks = null;
        int blocksEpoch = -1;
        long epochStart = System.nanoTime();
        try {
            while (step < totalSteps) {
                int epoch = (int) (step / plan.steps());
                int inEpoch = (int) (step % plan.steps());
                if (epoch != blocksEpoch) {
                    JavaRDD<EpochBlock> previous = blocks;
                    blocks = EpochLayout.blocks(examples, plan, order, epoch, layoutPartitions);
                    blocksEpoch = epoch;
                    if (previous != null) {
                        previous.unpersist(false);
                    }
                }
                int batch = plan.batch(inEpoch);
                Broadcast<WeightsSnapshot> weights = context.broadcast(WeightsSnapshot.of(model));
                StepAggregate result;
                try {
                    result = blocks.treeAggregate(
                            new StepAggregate(plan.shards(inEpoch)),
                            new StepTask(source, weights, inEpoch, step, batch, seed, dropout, shardHook),
                            StepAggregate::merge,
                            2);
                } finally {
                    weights.destroy();
                }
                String when = "at epoch " + (epoch + 1) + ", batch " + (inEpoch + 1) + " of " + plan.steps() + " (step "
                        + (step + 1) + "), before applying it";
                if (result.problemCount() > 0) {
                    throw new MalformedRowsException(when, result.problems(), result.problemCount());
                }
                if (!result.tree().complete()) {
                    throw new IllegalStateException("shards " + result.tree().missing() + " of batch " + (inEpoch + 1)
                            + " were computed by no task");
                }
                GradientTree.Node sum = result.tree().root();
                float loss = (float) sum.loss();
                if (!Float.isFinite(loss)) {
                    throw TrainingDivergedException.loss(epoch + 1, inEpoch + 1, OptionalInt.empty(), loss);
                }
                apply(model, sum.gradient());
                step++;
                epochLoss += sum.loss() * batch;
                correct += result.correct();
                judged += result.judged();
                long seen = plan.firstPosition(inEpoch) + batch;
                for (TrainingListener listener : listeners) {
                    listener.onBatchEnd(new BatchProgress(
                            epoch + 1,
                            epochs,
                            inEpoch + 1,
                            plan.steps(),
                            epochLoss / seen,
                            judged > 0 ? OptionalDouble.of((double) correct / judged) : OptionalDouble.empty()));
                }
                if (store != null && step % checkpointEvery == 0) {
                    save(store, run.at(step, epochLoss, correct, judged), model);
                }
                if (inEpoch == plan.steps() - 1) {
                    EpochResult epochResult = new EpochResult(
                            epoch + 1,
                            epochs,
                            epochLoss / count,
                            judged > 0 ? OptionalDouble.of((double) correct / judged) : OptionalDouble.empty(),
                            OptionalDouble.empty(),
                            OptionalDouble.empty(),
                            (System.nanoTime() - epochStart) / 1_000_000);
                    history.add(epochResult);
                    for (TrainingListener listener : listeners) {
                        listener.onEpochEnd(epochResult);
                    }
                    epochLoss = 0;
                    correct = 0;
                    judged = 0;
                    epochStart = System.nanoTime();
                }
            }
        } finally {
            if (blocks != null) {
                blocks.unpersist(false);
            }
        }
        return new TrainingResult(model, history, progress.step(), step);
    }

    private TrainingProgress resume(
            JavaSparkContext context, Model model, TrainingProgress run, CheckpointStore store) {
        try {
            String location = resumeFrom;
            if (location == null && resumeLatest) {
                Optional<String> latest = store.latest();
                if (latest.isEmpty()) {
                    return run;
                }
                location = latest.get();
            }
            if (location == null) {
                return run;
            }
            return CheckpointStore.load(location, context.hadoopConfiguration(), model, run);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the checkpoint: " + e.getMessage(), e);
        }
    }

    private static void save(CheckpointStore store, TrainingProgress progress, Model model) {
        try {
            store.save(progress, model);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot write the checkpoint of step " + progress.step() + ": " + e.getMessage(), e);
        }
    }

    /** Sets the model's gradients to the batch's and applies its optimizer. */
    private static void apply(Model model, float[] gradient) {
        int offset = 0;
        for (Parameter p : model.parameters()) {
            System.arraycopy(gradient, offset, p.gradient(), 0, p.size());
            offset += p.size();
        }
        model.optimizer().step(model.trainableParameters());
    }
}
