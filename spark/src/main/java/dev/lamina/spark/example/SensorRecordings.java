package dev.lamina.spark.example;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.collection.immutable.ArraySeq;

/**
 * Synthetic recordings for the activity CNN, made on the executors: 511 steps of 2 sensor
 * channels per row, for 4 activities (0 a slow sine, 1 a fast sine, 2 a square wave, 3 noise
 * around a constant) with amplitude, period, phase and noise drawn per row. Row {@code id} is the
 * same whatever the partitioning: its values come from a stream seeded by the seed and the id.
 */
public final class SensorRecordings {
    /** Steps per recording. */
    public static final int STEPS = 511;
    /** Sensor channels. */
    public static final int CHANNELS = 2;
    /** Activities. */
    public static final int ACTIVITIES = 4;

    /** {@code id} (bigint), {@code signal} (array of 1022 floats), {@code activity} (one-hot, 4 floats). */
    public static final StructType SCHEMA = new StructType()
            .add("id", DataTypes.LongType, false)
            .add("signal", DataTypes.createArrayType(DataTypes.FloatType, false), false)
            .add("activity", DataTypes.createArrayType(DataTypes.FloatType, false), false);

    private SensorRecordings() {}

    /** Recordings {@code 0..count-1} of {@code seed}, in {@code partitions} partitions in id order. */
    public static Dataset<Row> generate(SparkSession spark, long count, long seed, int partitions) {
        return spark.range(0, count, 1, partitions)
                .mapPartitions((MapPartitionsFunction<Long, Row>) ids -> rows(ids, seed), Encoders.row(SCHEMA));
    }

    private static Iterator<Row> rows(Iterator<Long> ids, long seed) {
        List<Row> rows = new ArrayList<>();
        while (ids.hasNext()) {
            rows.add(row(ids.next(), seed));
        }
        return rows.iterator();
    }

    /** Recording {@code id}. */
    static Row row(long id, long seed) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + id);
        int activity = (int) Math.floorMod(id, (long) ACTIVITIES);
        double amplitude = 0.5 + random.nextDouble();
        double phase = random.nextDouble() * 2 * Math.PI;
        double period =
                switch (activity) {
                    case 0 -> 60 + random.nextDouble() * 20;
                    case 1 -> 12 + random.nextDouble() * 6;
                    default -> 40 + random.nextDouble() * 20;
                };
        float[] signal = new float[STEPS * CHANNELS];
        for (int t = 0; t < STEPS; t++) {
            for (int c = 0; c < CHANNELS; c++) {
                double angle = 2 * Math.PI * t / period + phase + c * Math.PI / 2;
                double value =
                        switch (activity) {
                            case 0, 1 -> Math.sin(angle);
                            case 2 -> Math.signum(Math.sin(angle));
                            default -> 0.2;
                        };
                signal[t * CHANNELS + c] = (float) (amplitude * value + 0.2 * (random.nextDouble() * 2 - 1));
            }
        }
        float[] oneHot = new float[ACTIVITIES];
        oneHot[activity] = 1;
        return RowFactory.create(id, ArraySeq.unsafeWrapArray(signal), ArraySeq.unsafeWrapArray(oneHot));
    }
}
