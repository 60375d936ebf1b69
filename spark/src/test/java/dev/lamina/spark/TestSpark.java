package dev.lamina.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The tests' Spark: one local session at a time (a JVM holds one SparkContext), on loopback with
 * the UI off, replaced when a test asks for another master; and the tests' sensor data.
 */
final class TestSpark {
    static final StructType SENSOR_SCHEMA = new StructType()
            .add("id", DataTypes.LongType, false)
            .add("features", DataTypes.createArrayType(DataTypes.FloatType, false), false)
            .add("label", DataTypes.createArrayType(DataTypes.FloatType, false), false);

    private static SparkSession session;
    private static String master;

    private TestSpark() {}

    /** The session on {@code master} (e.g. {@code local[2]}, or {@code local[2,3]} to retry failed tasks). */
    static synchronized SparkSession session(String wanted) {
        if (session != null && wanted.equals(master)) {
            return session;
        }
        if (session != null) {
            session.stop();
        }
        session = SparkSession.builder()
                .master(wanted)
                .appName("lamina-spark-tests")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .getOrCreate();
        master = wanted;
        return session;
    }

    /** Rows of SensorNet examples: id, 64x4 features, a one-hot label of 3 classes; the same for every seed. */
    static List<Row> sensorRows(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int activity = random.nextInt(3);
            float[] x = new float[64 * 4];
            for (int t = 0; t < 64; t++) {
                for (int c = 0; c < 4; c++) {
                    double wave = Math.sin((t + 3 * c) * (0.2 + 0.25 * activity));
                    x[t * 4 + c] = (float) (wave + 0.3 * (random.nextDouble() - 0.5));
                }
            }
            float[] y = new float[3];
            y[activity] = 1;
            rows.add(RowFactory.create((long) i, x, y));
        }
        return rows;
    }

    /** The rows as a data set, in order, split by Spark's default parallelism. */
    static Dataset<Row> sensorData(SparkSession spark, List<Row> rows) {
        return spark.createDataFrame(rows, SENSOR_SCHEMA);
    }
}
