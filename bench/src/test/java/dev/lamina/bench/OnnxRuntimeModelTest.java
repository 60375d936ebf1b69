package dev.lamina.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.runtime.Model;
import dev.lamina.runtime.spec.ModelSpec;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The ONNX Runtime rows measure the same models, weights and batches as the other engines. */
class OnnxRuntimeModelTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(BenchModel.class)
    void computesWhatTheInterpreterComputesOnTheBenchmarkBatch(BenchModel benchModel) throws Exception {
        int batch = 2;
        ModelSpec spec = benchModel.spec();
        Model lamina = Engine.INTERPRETER.create(spec, ModelUnderTest.WEIGHT_SEED);
        Workload data = Workload.of(spec, batch, ModelUnderTest.DATA_SEED);
        float[] expected = lamina.predict(data.x(), batch);
        try (OnnxRuntimeModel onnx = OnnxRuntimeModel.build(benchModel.key(), batch)) {
            onnx.forward();
            FloatBuffer out = onnx.outputs().duplicate().rewind();
            float[] actual = new float[out.remaining()];
            out.get(actual);
            double scale = 0;
            for (float v : expected) {
                scale = Math.max(scale, Math.abs(v));
            }
            assertThat(actual).hasSameSizeAs(expected);
            for (int i = 0; i < expected.length; i++) {
                assertThat((double) Math.abs(actual[i] - expected[i]))
                        .as("output %d: %s vs %s", i, actual[i], expected[i])
                        .isLessThanOrEqualTo(1e-5 * Math.max(scale, Math.abs(expected[i])));
            }
        }
    }

    @Test
    void summaryNamesOnnxRuntimeRowsByTheirBenchmark() throws Exception {
        Path json = Files.writeString(
                dir.resolve("jmh.json"),
                """
                [{"benchmark": "dev.lamina.bench.OnnxRuntimeBenchmark.forward",
                  "params": {"model": "layer", "batch": "32"},
                  "primaryMetric": {"score": 1234.5}},
                 {"benchmark": "dev.lamina.bench.ModelBenchmark.forward",
                  "params": {"model": "layer", "batch": "32", "engine": "vector", "threads": "1"},
                  "primaryMetric": {"score": 617.25}}]
                """,
                StandardCharsets.UTF_8);
        List<Measurement> rows = Summary.readJmh(json);
        assertThat(rows).extracting(Measurement::engine).containsExactly("onnxruntime", "vector");
        List<String> speedups = Summary.speedups(rows);
        assertThat(speedups.get(0))
                .isEqualTo("model\tbatch\tmode\tgenerated_ns\tvector_ns\tinterpreter_ns\tonnxruntime_ns\tpytorch_ns"
                        + "\tgen_vs_interp\tvec_vs_gen\tgen_vs_ort\tvec_vs_ort\tgen_vs_pytorch\tvec_vs_pytorch");
        assertThat(speedups.get(1)).isEqualTo("layer\t32\tforward\t-\t617.3\t-\t1234.5\t-\t-\t-\t-\t2.00x\t-\t-");
    }
}
