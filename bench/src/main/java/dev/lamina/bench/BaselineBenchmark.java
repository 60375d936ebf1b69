package dev.lamina.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The training step of the time-series baselines FCN and InceptionTime (the samples' specs, with
 * batch normalization in training mode), batch 1 and 32, in both generated backends; the PyTorch
 * peer times the same models. Every iteration starts from the initial weights and moving
 * statistics, like {@link OpsBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(jvmArgsAppend = {"--add-modules", dev.lamina.compiler.codegen.Backend.VECTOR_MODULE})
public class BaselineBenchmark {
    @Param({"fcn", "inception_time"})
    public String model;

    @Param({"1", "32"})
    public int batch;

    @Param({"vector", "generated"})
    public String engine;

    @Param({"1"})
    public int threads;

    private ModelUnderTest subject;

    @Setup(Level.Trial)
    public void build() {
        subject = ModelUnderTest.build(model, batch, engine, threads);
    }

    @Setup(Level.Iteration)
    public void resetWeights() {
        subject.resetWeights();
    }

    @Benchmark
    public float trainStep() {
        return subject.trainStep();
    }
}
