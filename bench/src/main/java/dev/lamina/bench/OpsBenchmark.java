package dev.lamina.bench;

import dev.lamina.compiler.codegen.Backend;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The two benchmarked ops of one model, batch size, engine and thread count (given by the
 * subclass's {@code @Param}s): forward (inference) and train step (forward, loss, backward, Adam
 * update; dropout off). The model is built once per trial; every iteration starts from the initial
 * weights so that long runs do not drift into a saturated model. The optimizer is kept across
 * iterations: Adam allocates its moments once, on the first warm-up step. Forks run with the Vector
 * API module, which the {@code vector} engine needs (on Java 25+).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(jvmArgsAppend = {"--add-modules", Backend.VECTOR_MODULE})
public abstract class OpsBenchmark {
    private ModelUnderTest subject;

    protected abstract String model();

    protected abstract int batch();

    protected abstract String engine();

    protected abstract int threads();

    @Setup(Level.Trial)
    public void build() {
        subject = ModelUnderTest.build(model(), batch(), engine(), threads());
    }

    @Setup(Level.Iteration)
    public void resetWeights() {
        subject.resetWeights();
    }

    @Benchmark
    public float[] forward() {
        return subject.forward();
    }

    @Benchmark
    public float trainStep() {
        return subject.trainStep();
    }
}
