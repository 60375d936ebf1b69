package dev.lamina.spark;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamina.spark.models.SensorNet;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** What the trainer refuses before training, and its messages. */
class TrainerSetupTest {
    private final LaminaTrainer trainer = LaminaTrainer.of(ModelSource.generatedClass(SensorNet.class));

    @Test
    void columnsThatDoNotFitTheModelAreRefused() {
        SparkSession spark = TestSpark.session("local[2]");
        Dataset<Row> data = TestSpark.sensorData(spark, TestSpark.sensorRows(4, 1));
        assertThatThrownBy(() -> trainer.labelColumn("activity").fit(data))
                .hasMessage("the data has no column activity; its columns are [id, features, label]");
        assertThatThrownBy(() -> LaminaTrainer.of(ModelSource.generatedClass(SensorNet.class))
                        .labelColumn("id")
                        .fit(data))
                .hasMessage("column id is bigint; the target needs an array of numbers (e.g. array<float>)");
        assertThatThrownBy(() -> LaminaTrainer.of(ModelSource.generatedClass(SensorNet.class))
                        .indexColumn("features")
                        .fit(data))
                .hasMessage("the index column features is array<float>; it must hold whole numbers (bigint or int)");
        assertThatThrownBy(() -> LaminaTrainer.of(ModelSource.generatedClass(SensorNet.class))
                        .resumeLatest()
                        .fit(data))
                .hasMessage("resumeLatest() needs a checkpoint folder: set checkpoints(folder, steps)");
        assertThatThrownBy(() -> LaminaTrainer.of(ModelSource.generatedClass(SensorNet.class))
                        .resumeFrom("/nonexistent/checkpoints")
                        .fit(data))
                .hasMessage("no checkpoint at /nonexistent/checkpoints: neither a step-N folder with"
                        + " progress.properties nor a folder holding one");
    }

    @Test
    void indexesOutsideTheExampleCountStopTrainingBeforeTheFirstStep() {
        SparkSession spark = TestSpark.session("local[2]");
        List<Row> rows = new ArrayList<>(TestSpark.sensorRows(4, 1));
        Row third = rows.get(2);
        rows.set(2, RowFactory.create(9L, third.get(1), third.get(2)));
        Dataset<Row> data = TestSpark.sensorData(spark, rows).coalesce(1);
        assertThatThrownBy(() -> trainer.indexColumn("id").fit(data))
                .isInstanceOf(MalformedRowsException.class)
                .hasMessage("training stopped before the first step: 1 malformed row" + System.lineSeparator()
                        + "  partition 0, row 2: index 9; the index column must number the 4 examples 0..3, each once");
    }

    @Test
    void aRepeatedIndexIsReportedWithBothRows() {
        SparkSession spark = TestSpark.session("local[2]");
        List<Row> rows = new ArrayList<>(TestSpark.sensorRows(4, 1));
        Row third = rows.get(2);
        rows.set(2, RowFactory.create(1L, third.get(1), third.get(2)));
        Dataset<Row> data = TestSpark.sensorData(spark, rows).coalesce(1);
        assertThatThrownBy(() -> trainer.indexColumn("id").shuffle(false).fit(data))
                .isInstanceOf(MalformedRowsException.class)
                .hasMessage("training stopped at epoch 1, batch 1 of 1 (step 1), before applying it: 2 malformed rows"
                        + System.lineSeparator()
                        + "  partition 0, row 2 (example 1): index 1 is also the index of partition 0, row 1;"
                        + " the index column must number the examples 0..n-1, each once"
                        + System.lineSeparator()
                        + "  example 2: no row has index 2; the index column must number the examples 0..n-1,"
                        + " each once");
    }
}
