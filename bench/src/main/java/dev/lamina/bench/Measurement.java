package dev.lamina.bench;

import dev.lamina.bench.FlopCount.Mode;
import dev.lamina.runtime.spec.ModelSpec;
import java.util.Optional;

/**
 * One measured op: a model, batch size and mode run by an engine ({@code generated}, {@code
 * vector}, {@code interpreter} or {@code pytorch}) on a number of threads. {@code allocBytes} is
 * empty when not measured (PyTorch).
 */
record Measurement(
        String model, int batch, Mode mode, String engine, int threads, double nsPerOp, Optional<Double> allocBytes) {
    /** FLOPs per ns (= GFLOP/s) by {@link FlopCount}. */
    double gflops(ModelSpec spec) {
        return FlopCount.flops(spec, batch, mode) / nsPerOp;
    }
}
