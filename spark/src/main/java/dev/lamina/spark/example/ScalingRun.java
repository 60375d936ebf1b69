package dev.lamina.spark.example;

import dev.lamina.runtime.train.BatchProgress;
import dev.lamina.runtime.train.TrainingListener;
import dev.lamina.spark.LaminaScorer;
import dev.lamina.spark.LaminaTrainer;
import dev.lamina.spark.ModelSource;
import dev.lamina.spark.TrainingResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * Measures the activity CNN's throughput on one Spark master, in examples per second, and appends
 * {@code scoring} and {@code training} rows to a TSV file ({@code job master examples_per_s}).
 * Scoring: recordings scored end to end, after a warm-up pass. Training: steady-state steps, from
 * the end of a run's first step to the end of its last (the data's preparation and the JIT's
 * warm-up run before), times the global batch size. Each is timed {@code --repeat} times and the
 * best pass is reported, the one least slowed by other work on the machine. {@code
 * spark/run-scaling} runs it on {@code local[1]} and {@code local[2]}.
 */
public final class ScalingRun {
    private ScalingRun() {}

    public static void main(String[] args) throws IOException {
        ExampleOptions options = new ExampleOptions("ScalingRun")
                .option("master", "local[1]", "Spark master")
                .option("out", "spark/target/scaling.tsv", "TSV file the rows are appended to")
                .option("spec", "samples/models/activity_cnn.lamina", "the model's spec")
                .option("score-examples", "768", "recordings scored in the timed pass")
                .option("batch-size", "64", "examples per global batch in training")
                .option("train-steps", "7", "timed training steps (the first one starts the clock)")
                .option("partitions", "8", "partitions of the data")
                .option("repeat", "3", "timed passes of each job; the best is reported");
        try {
            if (options.parse(List.of(args))) {
                run(options);
            }
        } catch (ExampleOptions.UsageException e) {
            System.err.println("ScalingRun: " + e.getMessage());
            System.err.print(options.usage());
            System.exit(2);
        }
    }

    private static void run(ExampleOptions options) throws IOException {
        String master = options.text("master");
        ModelSource source = ModelSource.compiled(Path.of(options.text("spec")));
        SparkSession spark = ExampleSpark.session(master, "lamina-scaling");
        try {
            int partitions = options.number("partitions");
            int repeat = options.number("repeat");
            double scoring = scoring(spark, source, options.number("score-examples"), partitions, repeat);
            report(options, "scoring", master, scoring);
            double training = training(
                    spark, source, options.number("batch-size"), options.number("train-steps"), partitions, repeat);
            report(options, "training", master, training);
        } finally {
            spark.stop();
        }
    }

    private static double scoring(SparkSession spark, ModelSource source, int examples, int partitions, int repeat) {
        LaminaScorer scorer = LaminaScorer.of(source).weights(source.create(1)).inputColumns(List.of("signal"));
        Dataset<Row> warmUp = cached(SensorRecordings.generate(spark, 4L * partitions, 7, partitions));
        count(scorer.transform(warmUp));
        Dataset<Row> data = cached(SensorRecordings.generate(spark, examples, 8, partitions));
        double best = 0;
        for (int pass = 0; pass < repeat; pass++) {
            long start = System.nanoTime();
            long scored = count(scorer.transform(data));
            best = Math.max(best, scored / ((System.nanoTime() - start) / 1e9));
        }
        return best;
    }

    private static double training(
            SparkSession spark, ModelSource source, int batch, int steps, int partitions, int repeat) {
        Dataset<Row> data = cached(SensorRecordings.generate(spark, (long) batch * steps, 9, partitions));
        trainer(source, batch).maxSteps(2).fit(data);
        double best = 0;
        for (int pass = 0; pass < repeat; pass++) {
            long[] times = new long[steps];
            TrainingListener clock = new TrainingListener() {
                @Override
                public void onBatchEnd(BatchProgress progress) {
                    times[progress.batch() - 1] = System.nanoTime();
                }
            };
            TrainingResult result = trainer(source, batch).listener(clock).fit(data);
            if (result.steps() != steps) {
                throw new IllegalStateException("trained " + result.steps() + " steps, expected " + steps);
            }
            best = Math.max(best, batch * (steps - 1) / ((times[steps - 1] - times[0]) / 1e9));
        }
        return best;
    }

    private static LaminaTrainer trainer(ModelSource source, int batch) {
        return LaminaTrainer.of(source)
                .inputColumns(List.of("signal"))
                .labelColumn("activity")
                .indexColumn("id")
                .batchSize(batch)
                .seed(1);
    }

    private static Dataset<Row> cached(Dataset<Row> data) {
        Dataset<Row> kept = data.persist(StorageLevel.MEMORY_ONLY());
        kept.count();
        return kept;
    }

    /** Scores every row (the predictions are read, so nothing is skipped) and counts them. */
    private static long count(Dataset<Row> scored) {
        int column = scored.schema().fieldIndex("prediction");
        return scored.javaRDD()
                .map(row -> row.getList(column).isEmpty() ? 0L : 1L)
                .reduce(Long::sum);
    }

    private static void report(ExampleOptions options, String job, String master, double examplesPerSecond)
            throws IOException {
        Path out = Path.of(options.text("out"));
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        StringBuilder text = new StringBuilder();
        if (!Files.exists(out) || Files.size(out) == 0) {
            text.append("job\tmaster\texamples_per_s\n");
        }
        text.append(String.format(Locale.ROOT, "%s\t%s\t%.2f%n", job, master, examplesPerSecond));
        Files.writeString(out, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.out.printf(Locale.ROOT, "%s on %s: %.2f examples/s%n", job, master, examplesPerSecond);
    }
}
