package dev.lamina.bench;

import org.openjdk.jmh.annotations.Param;

/** Every model, batch 1 and 32, every engine, one thread: the main matrix. */
public class ModelBenchmark extends OpsBenchmark {
    @Param({"toy", "layer", "activity_cnn", "text_cnn"})
    public String model;

    @Param({"1", "32"})
    public int batch;

    @Param({"generated", "vector", "interpreter"})
    public String engine;

    @Param({"1"})
    public int threads;

    @Override
    protected String model() {
        return model;
    }

    @Override
    protected int batch() {
        return batch;
    }

    @Override
    protected String engine() {
        return engine;
    }

    @Override
    protected int threads() {
        return threads;
    }
}
