package dev.lamina.spark;

import dev.lamina.runtime.Model;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Adds a column of predictions to a Spark data set whose rows hold examples: one array column per
 * model input, in the model's declaration order ({@code features} for a single input unless told
 * otherwise), each flat and channels-last like {@link Model#predict(float[], int)}'s input. The
 * prediction column ({@code prediction}, an {@code array<float>}) holds the example's flat output.
 *
 * <p>The weights are broadcast once; each task thread of an executor builds one model instance for
 * its first task and reuses it, loading the broadcast weights once, and scores its partition in
 * batches of {@link #batchSize} examples (256 by default). Results equal {@code predict} on one JVM,
 * whatever the partitioning. A row whose input has the wrong number of values, a null or a value
 * that is not finite fails the job with its partition and row.
 *
 * <pre>{@code
 * Dataset<Row> scored = LaminaScorer.of(ModelSource.generatedClass(ActivityCnn.class))
 *         .weights(Path.of("activity.weights"))
 *         .inputColumns(List.of("signal"))
 *         .transform(recordings);
 * }</pre>
 */
public final class LaminaScorer {
    /** The batch size unless told otherwise. */
    public static final int DEFAULT_BATCH_SIZE = 256;

    /** The prediction column unless told otherwise. */
    public static final String DEFAULT_OUTPUT_COLUMN = "prediction";

    private final ModelSource source;
    private final Model model;
    private final List<String> inputColumns;
    private final String outputColumn;
    private final int batchSize;

    private LaminaScorer(
            ModelSource source, Model model, List<String> inputColumns, String outputColumn, int batchSize) {
        this.source = source;
        this.model = model;
        this.inputColumns = inputColumns;
        this.outputColumn = outputColumn;
        this.batchSize = batchSize;
    }

    /** A scorer of models from {@code source}; set the weights with {@link #weights}. */
    public static LaminaScorer of(ModelSource source) {
        Objects.requireNonNull(source, "source");
        return new LaminaScorer(source, null, null, DEFAULT_OUTPUT_COLUMN, DEFAULT_BATCH_SIZE);
    }

    /** Scores with the current weights of {@code trained}, a model of this scorer's source (copied now). */
    public LaminaScorer weights(Model trained) {
        Model copy = source.create(0);
        WeightsSnapshot.of(trained).loadInto(copy);
        return new LaminaScorer(source, copy, inputColumns, outputColumn, batchSize);
    }

    /**
     * Scores with the weights of a Lamina weights file on the driver's file system (read now).
     *
     * @throws UncheckedIOException when the file cannot be read or is not for this model
     */
    public LaminaScorer weights(Path file) {
        Model loaded = source.create(0);
        try {
            loaded.loadWeights(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
        return new LaminaScorer(source, loaded, inputColumns, outputColumn, batchSize);
    }

    /** The array columns of the model's inputs, one per input in declaration order. */
    public LaminaScorer inputColumns(List<String> columns) {
        return new LaminaScorer(source, model, List.copyOf(columns), outputColumn, batchSize);
    }

    /** The name of the prediction column to add. */
    public LaminaScorer outputColumn(String column) {
        return new LaminaScorer(source, model, inputColumns, Objects.requireNonNull(column, "column"), batchSize);
    }

    /** The number of examples scored together by a task (memory grows with it). */
    public LaminaScorer batchSize(int examples) {
        if (examples < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + examples);
        }
        return new LaminaScorer(source, model, inputColumns, outputColumn, examples);
    }

    /**
     * {@code data} with the prediction column added (lazily, like any transformation).
     *
     * @throws IllegalArgumentException when the weights are not set, the input columns are missing or
     *     not numeric arrays, or the prediction column exists already
     */
    public Dataset<Row> transform(Dataset<Row> data) {
        if (model == null) {
            throw new IllegalArgumentException("set the weights to score with: weights(model) or weights(path)");
        }
        StructType schema = data.schema();
        List<String> columns = inputColumns != null ? inputColumns : ModelInputs.defaultColumns(model);
        ExampleReader reader = ExampleReader.forScoring(schema, columns, model);
        if (List.of(schema.fieldNames()).contains(outputColumn)) {
            throw new IllegalArgumentException(
                    "the data already has a column " + outputColumn + "; choose another name with outputColumn(...)");
        }
        StructType scored = schema.add(outputColumn, DataTypes.createArrayType(DataTypes.FloatType, false), false);
        JavaSparkContext context =
                JavaSparkContext.fromSparkContext(data.sparkSession().sparkContext());
        Broadcast<WeightsSnapshot> weights = context.broadcast(WeightsSnapshot.of(model));
        return data.mapPartitions(new ScoringTask(source, weights, reader, batchSize), Encoders.row(scored));
    }
}
