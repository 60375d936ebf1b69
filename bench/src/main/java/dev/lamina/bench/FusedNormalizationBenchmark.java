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
 * Inference of a conv, batch normalization, relu block against the same conv with a fused relu
 * (issue 12: the block must cost within 10% of the conv alone in the vector backend, the generated
 * code folding the normalization into the convolution's weights and the relu into its stores).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(jvmArgsAppend = {"--add-modules", dev.lamina.compiler.codegen.Backend.VECTOR_MODULE})
public class FusedNormalizationBenchmark {
    @Param({"conv_relu", "conv_bn_relu"})
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

    @Benchmark
    public float[] forward() {
        return subject.forward();
    }
}
