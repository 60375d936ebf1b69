package dev.lamina.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lamina.runtime.Model;
import dev.lamina.runtime.Parameter;
import dev.lamina.spark.models.SensorNet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkContext;
import org.apache.spark.TaskContext;
import org.apache.spark.TaskKilled;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training SensorNet on 80 examples in batches of 32 (shards: 4, 4 and 2 of 16) for two epochs,
 * shuffled, with dropout: 6 steps. Every way of running it must give the weights of the reference
 * run on {@code local[1]}, bit for bit.
 */
class TrainingTest {
    private static final int EXAMPLES = 80;
    private static final int BATCH = 32;
    private static final int EPOCHS = 2;
    private static final long SEED = 5;
    private static final List<Row> ROWS = TestSpark.sensorRows(EXAMPLES, 9);

    /** The session the kill hook reaches from inside a task (the tests run Spark in this JVM). */
    private static volatile SparkContext killer;

    private static float[] reference;

    @BeforeAll
    static void trainTheReferenceOnOneCore() {
        SparkSession spark = TestSpark.session("local[1]");
        Dataset<Row> data = TestSpark.sensorData(spark, ROWS);
        assertThat(data.javaRDD().getNumPartitions()).isEqualTo(1);
        TrainingResult result = trainer().fit(data);
        assertThat(result.steps()).isEqualTo(6);
        assertThat(result.resumedAt()).isZero();
        assertThat(result.history()).hasSize(2);
        reference = weights(result.model());
    }

    private static LaminaTrainer trainer() {
        return LaminaTrainer.of(ModelSource.generatedClass(SensorNet.class))
                .batchSize(BATCH)
                .epochs(EPOCHS)
                .seed(SEED);
    }

    @Test
    void aModelWithBatchNormalizationIsRefusedBeforeAnyStep() throws Exception {
        SparkSession spark = TestSpark.session("local[1]");
        ModelSource source = ModelSource.interpreter(Path.of(TrainingTest.class
                .getResource("/specs/normalized_tagger.lamina")
                .toURI()));
        Model model = source.create(1);
        float[] before = model.parameters().get(0).value().clone();
        assertThatThrownBy(() -> LaminaTrainer.of(source).fit(TestSpark.sensorData(spark, ROWS), model))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("model NormalizedTagger has batch normalization (batch_normalization), whose training"
                        + " statistics are those of the whole batch; Spark training does not combine them across"
                        + " tasks yet. Train it with `lamina train` or Trainer, then score it on Spark");
        assertThat(model.parameters().get(0).value()).containsExactly(before);
    }

    @Test
    void twoCoresGiveTheSameWeightsBitForBit() {
        SparkSession spark = TestSpark.session("local[2]");
        Dataset<Row> data = TestSpark.sensorData(spark, ROWS);
        assertThat(data.javaRDD().getNumPartitions()).isEqualTo(2);
        assertThat(weights(trainer().fit(data).model())).containsExactly(reference);
    }

    @Test
    void anyPartitioningGivesTheSameWeightsBitForBit() {
        SparkSession spark = TestSpark.session("local[2]");
        for (int partitions : new int[] {1, 3, 8}) {
            Dataset<Row> shuffled = TestSpark.sensorData(spark, ROWS).repartition(partitions);
            assertThat(shuffled.javaRDD().getNumPartitions()).isEqualTo(partitions);
            TrainingResult result =
                    trainer().indexColumn("id").partitions(partitions).fit(shuffled);
            assertThat(weights(result.model())).as("%d partitions", partitions).containsExactly(reference);
        }
    }

    @Test
    void theResultEqualsSingleJvmTrainingOnTheSameBatches() {
        SparkSession spark = TestSpark.session("local[2]");
        TrainingResult result = trainer().dropout(false).fit(TestSpark.sensorData(spark, ROWS));

        Model single = new SensorNet(SEED);
        single.setDropoutInTraining(false);
        EpochOrder order = new EpochOrder(EXAMPLES, SEED, true);
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            for (int first = 0; first < EXAMPLES; first += BATCH) {
                int size = Math.min(BATCH, EXAMPLES - first);
                float[] x = new float[size * 256];
                float[] y = new float[size * 3];
                for (int e = 0; e < size; e++) {
                    Row row = ROWS.get((int) order.index(epoch, first + e));
                    System.arraycopy((float[]) row.get(1), 0, x, e * 256, 256);
                    System.arraycopy((float[]) row.get(2), 0, y, e * 3, 3);
                }
                single.trainStep(x, y, size);
            }
        }
        float[] expected = weights(single);
        float[] actual = weights(result.model());
        assertThat(actual).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat((double) actual[i]).as("weight %d", i).isCloseTo(expected[i], within(2e-5));
        }
        assertThat(actual).isNotEqualTo(reference); // dropout off changes the run
        assertThat(result.model().optimizer().iterations()).isEqualTo(6);
    }

    @Test
    void aTaskKilledMidStepIsRetriedAndTheResultIsUnchanged() throws Exception {
        SparkSession spark = TestSpark.session("local[2]");
        killer = spark.sparkContext();
        AtomicInteger killed = new AtomicInteger();
        SparkListener listener = new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd end) {
                if (end.reason() instanceof TaskKilled) {
                    killed.incrementAndGet();
                }
            }
        };
        spark.sparkContext().addSparkListener(listener);
        try {
            TrainingResult result = trainer()
                    .shardHook((step, shard) -> killOnFirstAttempt(step == 3 && shard == 1))
                    .fit(TestSpark.sensorData(spark, ROWS));
            spark.sparkContext().listenerBus().waitUntilEmpty();
            assertThat(killed).hasValue(1);
            assertThat(weights(result.model())).containsExactly(reference);
        } finally {
            spark.sparkContext().removeSparkListener(listener);
        }
    }

    /** On a task's first attempt, when {@code now}: asks Spark to kill it, and waits to be interrupted. */
    private static void killOnFirstAttempt(boolean now) {
        TaskContext task = TaskContext.get();
        if (!now || task.attemptNumber() > 0) {
            return;
        }
        killer.killTaskAttempt(task.taskAttemptId(), true, "killed by the test in the middle of a step");
        try {
            Thread.sleep(120_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new IllegalStateException("the task was not killed");
    }

    @Test
    void aTaskThatFailsIsRetriedAndTheResultIsUnchanged() {
        SparkSession spark = TestSpark.session("local[2,2]");
        TrainingResult result = trainer()
                .shardHook((step, shard) -> {
                    if (step == 4 && shard == 0 && TaskContext.get().attemptNumber() == 0) {
                        throw new IllegalStateException("the test fails this task's first attempt");
                    }
                })
                .fit(TestSpark.sensorData(spark, ROWS));
        assertThat(weights(result.model())).containsExactly(reference);
    }

    @Test
    void resumingFromACheckpointGivesTheWeightsOfAnUninterruptedRun(@TempDir Path folder) throws Exception {
        SparkSession spark = TestSpark.session("local[2]");
        Dataset<Row> data = TestSpark.sensorData(spark, ROWS);
        String checkpoints = folder.resolve("checkpoints").toString();
        TrainingResult interrupted = trainer()
                .checkpoints(checkpoints, 1)
                .keepCheckpoints(2)
                .maxSteps(4)
                .fit(data);
        assertThat(interrupted.steps()).isEqualTo(4);
        assertThat(interrupted.history()).extracting(r -> r.epoch()).containsExactly(1);
        assertThat(checkpointFolders(folder.resolve("checkpoints")))
                .containsExactly("step-000000003", "step-000000004");
        Path step3 = folder.resolve("checkpoints/step-000000003");
        Model saved = new SensorNet(0);
        saved.loadWeights(step3.resolve("weights.lamina")); // a plain Lamina weights file

        TrainingResult fromStep3 = trainer().resumeFrom(step3.toString()).fit(data);
        assertThat(fromStep3.resumedAt()).isEqualTo(3);
        assertThat(fromStep3.steps()).isEqualTo(6);
        assertThat(fromStep3.history()).extracting(r -> r.epoch()).containsExactly(2);
        assertThat(weights(fromStep3.model())).containsExactly(reference);
        assertThat(fromStep3.model().optimizer().iterations()).isEqualTo(6);

        TrainingResult fromLatest =
                trainer().checkpoints(checkpoints, 1).resumeLatest().fit(data);
        assertThat(weights(fromLatest.model())).containsExactly(reference);
        assertThat(checkpointFolders(folder.resolve("checkpoints")))
                .containsExactly("step-000000004", "step-000000005", "step-000000006");

        Path step4 = folder.resolve("checkpoints/step-000000004");
        assertThatThrownBy(() -> trainer()
                        .seed(6)
                        .batchSize(16)
                        .resumeFrom(step4.toString())
                        .fit(data))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the checkpoint " + step4 + " is from another run: batch size 32 there, 16 now,"
                        + " seed 5 there, 6 now; resume with the same data and settings");
    }

    private static List<String> checkpointFolders(Path folder) throws java.io.IOException {
        try (var files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith("."))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void aMalformedRowStopsTrainingBeforeItsStepIsApplied() {
        SparkSession spark = TestSpark.session("local[2]");
        List<Row> rows = new ArrayList<>(ROWS);
        float[] nan = ((float[]) ROWS.get(50).get(1)).clone();
        nan[7] = Float.NaN;
        rows.set(50, RowFactory.create(50L, nan, ROWS.get(50).get(2)));
        rows.set(41, RowFactory.create(41L, new float[10], ROWS.get(41).get(2)));
        Dataset<Row> data = TestSpark.sensorData(spark, rows);

        Model model = new SensorNet(SEED);
        LaminaTrainer unshuffled = trainer().shuffle(false);
        assertThatThrownBy(() -> unshuffled.fit(data, model))
                .isInstanceOf(MalformedRowsException.class)
                .hasMessage("training stopped at epoch 1, batch 2 of 3 (step 2), before applying it: 2 malformed rows"
                        + System.lineSeparator()
                        + "  partition 1, row 1 (example 41): column features has 10 values; the model's input"
                        + " takes examples of shape (64, 4) (256 values)"
                        + System.lineSeparator()
                        + "  partition 1, row 10 (example 50): column features has NaN at position 7");
        assertThat(model.optimizer().iterations()).isEqualTo(1);
        TrainingResult oneStep = trainer().shuffle(false).maxSteps(1).fit(TestSpark.sensorData(spark, ROWS));
        assertThat(weights(model)).containsExactly(weights(oneStep.model()));
    }

    static float[] weights(Model model) {
        float[] all = new float[(int) model.parameterCount()];
        int offset = 0;
        for (Parameter p : model.parameters()) {
            System.arraycopy(p.value(), 0, all, offset, p.size());
            offset += p.size();
        }
        return all;
    }
}
