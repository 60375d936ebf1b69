package dev.lamina.spark.example;

import dev.lamina.spark.ModelSource;
import java.nio.file.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** The Spark session and model source the example programs share. */
final class ExampleSpark {
    private ExampleSpark() {}

    /**
     * A session on {@code master}, or on the master spark-submit configured when it is null (then
     * {@code local[2]} when there is none). Local masters stay on loopback with the UI off.
     */
    static SparkSession session(String master, String appName) {
        SparkConf conf = new SparkConf().setAppName(appName);
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[2]");
        }
        if (conf.get("spark.master").startsWith("local")) {
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
            conf.setIfMissing("spark.ui.enabled", "false");
        }
        SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        return spark;
    }

    /** The model of {@code spec} for {@code --engine compiled|interpreter}. */
    static ModelSource source(Path spec, String engine) {
        return switch (engine) {
            case "compiled" -> ModelSource.compiled(spec);
            case "interpreter" -> ModelSource.interpreter(spec);
            default -> throw new ExampleOptions.UsageException("--engine takes compiled or interpreter, got " + engine);
        };
    }
}
