package dev.lamina.spark.example;

import dev.lamina.runtime.Model;
import dev.lamina.runtime.train.ConsoleReporter;
import dev.lamina.spark.LaminaScorer;
import dev.lamina.spark.LaminaTrainer;
import dev.lamina.spark.ModelSource;
import dev.lamina.spark.TrainingResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Trains the activity CNN on synthetic sensor recordings with Spark, then scores held-out
 * recordings and reports the accuracy. Runs with {@code spark-submit --class
 * dev.lamina.spark.example.ActivityExample} on any cluster, or locally ({@code spark/run-example}).
 */
public final class ActivityExample {
    private ActivityExample() {}

    public static void main(String[] args) throws IOException {
        ExampleOptions options = new ExampleOptions("ActivityExample")
                .option("master", null, "Spark master, e.g. local[2] (default: spark-submit's, else local[2])")
                .option("spec", "samples/models/activity_cnn.lamina", "the model's spec, read on the driver")
                .option("engine", "compiled", "compiled (a generated class per JVM; needs a JDK) or interpreter")
                .option("examples", "2048", "training recordings")
                .option("test", "512", "held-out recordings scored after training")
                .option("batch-size", "64", "examples per global batch")
                .option("epochs", "2", "passes over the training recordings")
                .option("partitions", "8", "partitions of the generated data")
                .option("seed", "1", "seed of the data, the initial weights, the shuffling and dropout")
                .option("checkpoints", null, "folder (any Hadoop file system) for checkpoints")
                .option("checkpoint-every", "10", "steps between checkpoints")
                .option("resume", "false", "resume from the newest checkpoint in --checkpoints, if any")
                .option("save", null, "write the trained weights to this file on the driver");
        try {
            if (options.parse(List.of(args))) {
                run(options);
            }
        } catch (ExampleOptions.UsageException e) {
            System.err.println("ActivityExample: " + e.getMessage());
            System.err.print(options.usage());
            System.exit(2);
        }
    }

    private static void run(ExampleOptions options) throws IOException {
        ModelSource source = ExampleSpark.source(Path.of(options.text("spec")), options.text("engine"));
        SparkSession spark = ExampleSpark.session(options.text("master"), "lamina-activity-example");
        try {
            int seed = options.number("seed");
            int partitions = options.number("partitions");
            Dataset<Row> training = SensorRecordings.generate(spark, options.number("examples"), seed, partitions);
            LaminaTrainer trainer = LaminaTrainer.of(source)
                    .inputColumns(List.of("signal"))
                    .labelColumn("activity")
                    .indexColumn("id")
                    .batchSize(options.number("batch-size"))
                    .epochs(options.number("epochs"))
                    .seed(seed)
                    .listener(ConsoleReporter.toStandardOutput());
            if (options.text("checkpoints") != null) {
                trainer.checkpoints(options.text("checkpoints"), options.number("checkpoint-every"));
                if (options.flag("resume")) {
                    trainer.resumeLatest();
                }
            } else if (options.flag("resume")) {
                throw new ExampleOptions.UsageException("--resume needs --checkpoints FOLDER");
            }
            System.out.println("Training " + source.description() + " on " + options.number("examples")
                    + " recordings with Spark master " + spark.sparkContext().master());
            TrainingResult result = trainer.fit(training);
            Model model = result.model();
            System.out.println("Trained " + result.steps() + " steps"
                    + (result.resumedAt() > 0 ? " (resumed after step " + result.resumedAt() + ")" : ""));
            if (options.text("save") != null) {
                model.saveWeights(Path.of(options.text("save")));
                System.out.println("Saved the weights to " + options.text("save"));
            }

            Dataset<Row> heldOut =
                    SensorRecordings.generate(spark, options.number("test"), seed + 1_000_003L, partitions);
            long start = System.nanoTime();
            Dataset<Row> scored = LaminaScorer.of(source)
                    .weights(model)
                    .inputColumns(List.of("signal"))
                    .transform(heldOut);
            long[] correctAndTotal = scored.javaRDD()
                    .map(row -> new long[] {argmax(row.getList(2)) == argmax(row.getList(3)) ? 1 : 0, 1})
                    .reduce((a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
            System.out.printf(
                    "Scored %d held-out recordings in %d ms: accuracy %.4f%n",
                    correctAndTotal[1],
                    (System.nanoTime() - start) / 1_000_000,
                    (double) correctAndTotal[0] / correctAndTotal[1]);
        } finally {
            spark.stop();
        }
    }

    private static int argmax(List<Float> values) {
        int best = 0;
        for (int i = 1; i < values.size(); i++) {
            if (values.get(i) > values.get(best)) {
                best = i;
            }
        }
        return best;
    }
}
