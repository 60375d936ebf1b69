package dev.lamina.bench;

import ai.onnxruntime.OrtException;
import dev.lamina.compiler.codegen.Backend;
import dev.lamina.onnx.OnnxExportException;
import java.nio.FloatBuffer;
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
import org.openjdk.jmh.annotations.TearDown;

/**
 * The ONNX Runtime rows ({@code engine} {@value #ENGINE} in the summary): every model of {@link
 * ModelBenchmark}, batch 1 and 32, inference on one thread ({@link OnnxRuntimeModel}), the same
 * models and weights exported from Lamina. Forks run like {@link OpsBenchmark}'s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(jvmArgsAppend = {"--add-modules", Backend.VECTOR_MODULE})
public class OnnxRuntimeBenchmark {
    /** The engine name of these rows. */
    public static final String ENGINE = "onnxruntime";

    @Param({"toy", "layer", "activity_cnn", "text_cnn"})
    public String model;

    @Param({"1", "32"})
    public int batch;

    private OnnxRuntimeModel session;

    @Setup(Level.Trial)
    public void build() throws OrtException, OnnxExportException {
        session = OnnxRuntimeModel.build(model, batch);
    }

    @TearDown(Level.Trial)
    public void close() throws OrtException {
        session.close();
    }

    @Benchmark
    public FloatBuffer forward() throws OrtException {
        session.forward();
        return session.outputs();
    }
}
