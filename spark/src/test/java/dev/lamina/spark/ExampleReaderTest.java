package dev.lamina.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamina.runtime.Model;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import scala.collection.immutable.ArraySeq;
import scala.jdk.javaapi.CollectionConverters;

/** Reading rows without Spark running: the forms array values come in, and the checks. */
class ExampleReaderTest {
    private static final StructType DOUBLES = new StructType()
            .add("x", DataTypes.createArrayType(DataTypes.DoubleType, true), true)
            .add("y", DataTypes.IntegerType, true);

    private final Model tagger = ModelSource.interpreter(spec()).create(0);
    private final ExampleReader reader = ExampleReader.forTraining(DOUBLES, List.of("x"), "y", tagger);

    @Test
    void arraysAreReadInEveryFormSparkHandsThemOver() throws BadValueException {
        double[] values = new double[16];
        Arrays.setAll(values, i -> i * 0.5);
        float[] expected = new float[16];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = i * 0.5f;
        }
        List<Double> boxed = Arrays.stream(values).boxed().toList();
        for (Object form : List.of(
                values,
                boxed,
                boxed.toArray(),
                ArraySeq.unsafeWrapArray(values),
                CollectionConverters.asScala(boxed).toSeq())) {
            Row row = RowFactory.create(form, 2);
            assertThat(reader.inputs(row)[0]).as(form.getClass().getName()).containsExactly(expected);
            assertThat(reader.target(row)).containsExactly(2f);
        }
    }

    @Test
    void badValuesAreNamed() {
        double[] good = new double[16];
        assertThatThrownBy(() -> reader.target(RowFactory.create(good, 3)))
                .isInstanceOf(BadValueException.class)
                .hasMessage("column y has 3.0, which is not a class index in [0, 3)");
        assertThatThrownBy(() -> reader.target(RowFactory.create(good, null))).hasMessage("column y is null");
        assertThatThrownBy(() -> reader.inputs(RowFactory.create(null, 1))).hasMessage("column x is null");
        assertThatThrownBy(() -> reader.inputs(RowFactory.create(Arrays.asList(1.0, null), 1)))
                .hasMessage("column x has a null at position 1");
        double[] huge = new double[16];
        huge[5] = 1e300;
        assertThatThrownBy(() -> reader.inputs(RowFactory.create(huge, 1)))
                .hasMessage("column x has Infinity at position 5 (1.0E300 is out of float range)");
        huge[5] = Double.NEGATIVE_INFINITY;
        assertThatThrownBy(() -> reader.inputs(RowFactory.create(huge, 1)))
                .hasMessage("column x has -Infinity at position 5");
        assertThatThrownBy(() -> reader.inputs(RowFactory.create(new double[15], 1)))
                .hasMessage("column x has 15 values; the model's input takes examples of shape (8, 2) (16 values)");
    }

    @Test
    void aScalarTargetIsOnlyForOneValuePerExample() {
        StructType schema = new StructType()
                .add("x", DataTypes.createArrayType(DataTypes.FloatType, false), false)
                .add("y", DataTypes.createArrayType(DataTypes.FloatType, false), false);
        Model sensorNet = new dev.lamina.spark.models.SensorNet(0);
        StructType scalar = new StructType()
                .add("x", DataTypes.createArrayType(DataTypes.FloatType, false), false)
                .add("y", DataTypes.FloatType, false);
        assertThatThrownBy(() -> ExampleReader.forTraining(scalar, List.of("x"), "y", sensorNet))
                .hasMessage("column y is float; the target needs an array of numbers (e.g. array<float>)");
        ExampleReader oneHot = ExampleReader.forTraining(schema, List.of("x"), "y", sensorNet);
        assertThatThrownBy(() -> oneHot.target(RowFactory.create(new float[256], new float[] {0, 1})))
                .hasMessage("column y has 2 values; the loss needs 3 per example");
    }

    private static Path spec() {
        try {
            return Path.of(
                    ExampleReaderTest.class.getResource("/specs/tagger.lamina").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
