package dev.lamina.bench;

import dev.lamina.runtime.Model;
import dev.lamina.runtime.spec.ModelSpec;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Forward (inference) and train step (forward, loss, backward, Adam update; dropout off) of one
 * model, batch size and engine. The model is built once per trial; every iteration starts from the
 * initial weights so that long runs do not drift into a saturated model. The optimizer is kept
 * across iterations: Adam allocates its moments once, on the first warm-up step.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ModelBenchmark {
    private static final long WEIGHT_SEED = 7;
    private static final long DATA_SEED = 42;

    @Param({"toy", "layer", "activity_cnn", "text_cnn"})
    public String model;

    @Param({"1", "32"})
    public int batch;

    @Param({"generated", "interpreter"})
    public String engine;

    private Model instance;
    private float[][] initialWeights;
    private Workload data;

    @Setup(Level.Trial)
    public void build() {
        ModelSpec spec = BenchModel.of(model).spec();
        instance = Engine.of(engine).create(spec, WEIGHT_SEED);
        instance.setDropoutInTraining(false);
        initialWeights =
                instance.parameters().stream().map(p -> p.value().clone()).toArray(float[][]::new);
        data = Workload.of(spec, batch, DATA_SEED);
    }

    @Setup(Level.Iteration)
    public void resetWeights() {
        for (int i = 0; i < initialWeights.length; i++) {
            instance.parameters().get(i).set(initialWeights[i]);
        }
    }

    @Benchmark
    public float[] forward() {
        instance.forward(data.x(), batch, data.y());
        return data.y();
    }

    @Benchmark
    public float trainStep() {
        return instance.trainStep(data.x(), data.target(), batch);
    }
}
