package dev.lamina.bench;

import org.openjdk.jmh.annotations.Param;

/**
 * The ops on more than one thread, by default only where batch parallelism matters: the activity
 * CNN at batch 32, generated and vector engines, 2 threads. The single-thread rows they are
 * compared with come from {@link ModelBenchmark} in the same run; keeping the two matrices apart
 * keeps the default run affordable.
 */
public class ParallelBenchmark extends OpsBenchmark {
    @Param({"activity_cnn"})
    public String model;

    @Param({"32"})
    public int batch;

    @Param({"generated", "vector"})
    public String engine;

    @Param({"2"})
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
