package dev.lamina.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamina.runtime.Model;
import dev.lamina.spark.models.SensorNet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

class ScoringTest {
    private static final Path SPEC = Path.of(System.getProperty("lamina.spark.testModels"), "sensor_net.lamina");

    @Test
    void scoringAGeneratedClassEqualsPredictOnOneJvm() {
        SparkSession spark = TestSpark.session("local[2]");
        List<Row> rows = TestSpark.sensorRows(70, 1);
        Model model = new SensorNet(7);
        float[] expected = model.predict(flatFeatures(rows), rows.size());

        Dataset<Row> scored = LaminaScorer.of(ModelSource.generatedClass(SensorNet.class))
                .weights(model)
                .batchSize(16)
                .transform(TestSpark.sensorData(spark, rows).repartition(3));

        assertThat(scored.schema().fieldNames()).containsExactly("id", "features", "label", "prediction");
        assertThat(scored.schema().apply("prediction").dataType().simpleString())
                .isEqualTo("array<float>");
        List<Row> result = new ArrayList<>(scored.collectAsList());
        result.sort(Comparator.comparingLong(r -> r.getLong(0)));
        assertThat(result).hasSize(70);
        for (Row row : result) {
            int id = (int) row.getLong(0);
            List<Float> prediction = row.getList(3);
            assertThat(prediction).hasSize(3);
            for (int k = 0; k < 3; k++) {
                assertThat(prediction.get(k)).as("example %d output %d", id, k).isEqualTo(expected[id * 3 + k]);
            }
        }
    }

    @Test
    void theInterpreterAndTheCompiledSpecScoreLikeTheGeneratedClass() {
        SparkSession spark = TestSpark.session("local[2]");
        List<Row> rows = TestSpark.sensorRows(20, 2);
        Model model = new SensorNet(11);
        float[] expected = model.predict(flatFeatures(rows), rows.size());
        for (ModelSource source : List.of(ModelSource.interpreter(SPEC), ModelSource.compiled(SPEC))) {
            List<Row> result = LaminaScorer.of(source)
                    .weights(model)
                    .outputColumn("p")
                    .transform(TestSpark.sensorData(spark, rows))
                    .orderBy("id")
                    .collectAsList();
            for (Row row : result) {
                int id = (int) row.getLong(0);
                List<Float> prediction = row.getList(row.fieldIndex("p"));
                for (int k = 0; k < 3; k++) {
                    assertThat((double) prediction.get(k))
                            .as("%s, example %d", source.description(), id)
                            .isCloseTo(expected[id * 3 + k], org.assertj.core.api.Assertions.within(1e-6));
                }
            }
        }
    }

    @Test
    void rowsBuiltByAnotherFunctionAreReadAsTheyCome() {
        SparkSession spark = TestSpark.session("local[2]");
        List<Row> rows = TestSpark.sensorRows(12, 4);
        Model model = new SensorNet(3);
        float[] expected = model.predict(flatFeatures(rows), rows.size());
        // Spark hands such rows over as built, with the float[] inside, not converted to sequences.
        Dataset<Row> built = spark.range(0, 12, 1, 2)
                .mapPartitions(
                        (MapPartitionsFunction<Long, Row>) ids -> {
                            List<Row> out = new ArrayList<>();
                            ids.forEachRemaining(id -> out.add(rows.get(id.intValue())));
                            return out.iterator();
                        },
                        Encoders.row(TestSpark.SENSOR_SCHEMA));
        List<Row> result = LaminaScorer.of(ModelSource.generatedClass(SensorNet.class))
                .weights(model)
                .transform(built)
                .collectAsList();
        assertThat(result).hasSize(12);
        for (Row row : result) {
            int id = (int) row.getLong(0);
            List<Float> prediction = row.getList(3);
            for (int k = 0; k < 3; k++) {
                assertThat(prediction.get(k)).isEqualTo(expected[id * 3 + k]);
            }
        }
    }

    @Test
    void aRowOfTheWrongLengthFailsTheJobWithItsPartitionAndRow() {
        SparkSession spark = TestSpark.session("local[2]");
        List<Row> rows = new ArrayList<>(TestSpark.sensorRows(6, 3));
        rows.set(4, RowFactory.create(4L, new float[255], new float[3]));
        Dataset<Row> data = TestSpark.sensorData(spark, rows).coalesce(1);
        Dataset<Row> scored = LaminaScorer.of(ModelSource.generatedClass(SensorNet.class))
                .weights(new SensorNet(1))
                .transform(data);
        assertThatThrownBy(scored::collectAsList)
                .isInstanceOf(SparkException.class)
                .hasStackTraceContaining("partition 0, row 4: column features has 255 values; the model's input"
                        + " takes examples of shape (64, 4) (256 values)");
    }

    @Test
    void columnsAreCheckedBeforeAnyJob() {
        SparkSession spark = TestSpark.session("local[2]");
        Dataset<Row> data = TestSpark.sensorData(spark, TestSpark.sensorRows(2, 3));
        LaminaScorer scorer =
                LaminaScorer.of(ModelSource.generatedClass(SensorNet.class)).weights(new SensorNet(1));
        assertThatThrownBy(() -> scorer.inputColumns(List.of("signal")).transform(data))
                .hasMessage("the data has no column signal; its columns are [id, features, label]");
        assertThatThrownBy(() -> scorer.inputColumns(List.of("id")).transform(data))
                .hasMessage("column id is bigint; the model's input needs an array of numbers (e.g. array<float>)");
        assertThatThrownBy(
                        () -> scorer.inputColumns(List.of("features", "label")).transform(data))
                .hasMessage("model SensorNet takes 1 input, one array column each; got 2 columns [features, label]");
        assertThatThrownBy(() -> scorer.outputColumn("label").transform(data))
                .hasMessage("the data already has a column label; choose another name with outputColumn(...)");
        assertThatThrownBy(() -> LaminaScorer.of(ModelSource.generatedClass(SensorNet.class))
                        .transform(data))
                .hasMessage("set the weights to score with: weights(model) or weights(path)");
    }

    static float[] flatFeatures(List<Row> rows) {
        float[] x = new float[rows.size() * 256];
        for (int i = 0; i < rows.size(); i++) {
            float[] features = (float[]) rows.get(i).get(1);
            System.arraycopy(features, 0, x, i * 256, 256);
        }
        return x;
    }
}
