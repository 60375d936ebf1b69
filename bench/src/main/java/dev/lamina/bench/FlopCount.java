package dev.lamina.bench;

import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.ModelSpec;
import dev.lamina.runtime.spec.Shape;

/**
 * Floating-point operations per benchmark op, counting only the multiply-adds of conv1d and dense
 * layers at 2 FLOPs each (bias, activations, pooling, embedding lookups, loss and optimizer are
 * not counted). A train step counts 3x the forward multiply-adds: forward, input gradient and
 * weight gradient.
 */
public final class FlopCount {
    private FlopCount() {}

    /** Multiply-adds of one example's forward pass. */
    public static long forwardMultiplyAdds(ModelSpec spec) {
        long total = 0;
        for (int i = 0; i < spec.nodes().size(); i++) {
            LayerSpec layer = spec.nodes().get(i).layer();
            Shape in = spec.inputShapes(i).get(0);
            Shape out = spec.outputShape(i);
            if (layer instanceof LayerSpec.Conv1D conv) {
                total += (long) out.dim(0) * conv.kernelSize() * in.dim(1) * conv.filters();
            } else if (layer instanceof LayerSpec.Dense dense) {
                long rows = in.size() / in.last();
                total += rows * in.last() * dense.units();
            }
        }
        return total;
    }

    /** FLOPs of one op: {@code 2 * multiply-adds * batch}, times 3 for a train step. */
    public static double flops(ModelSpec spec, int batch, Mode mode) {
        double forward = 2.0 * forwardMultiplyAdds(spec) * batch;
        return mode == Mode.TRAIN_STEP ? 3 * forward : forward;
    }

    /** What a benchmark op does. */
    public enum Mode {
        FORWARD("forward"),
        TRAIN_STEP("train_step");

        private final String key;

        Mode(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        public static Mode of(String key) {
            for (Mode m : values()) {
                if (m.key.equals(key)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("unknown mode '" + key + "'");
        }
    }
}
