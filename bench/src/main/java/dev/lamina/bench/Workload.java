package dev.lamina.bench;

import dev.lamina.runtime.spec.LossKind;
import dev.lamina.runtime.spec.ModelSpec;
import java.util.SplittableRandom;

/**
 * A fixed, seeded batch for a model: inputs in [-1, 1) (token ids below the vocabulary size for an
 * integer input) and targets that suit its loss (one-hot rows for categorical cross-entropy, 0/1
 * for binary cross-entropy, values in [-1, 1) otherwise).
 */
public record Workload(float[] x, float[] target, float[] y) {
    /** A batch for a model with one input. */
    public static Workload of(ModelSpec spec, int batch, long seed) {
        if (spec.inputs().size() != 1) {
            throw new IllegalArgumentException("model " + spec.name() + " has "
                    + spec.inputs().size() + " inputs; the benchmarks run models with one");
        }
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[batch * spec.inputs().get(0).shape().size()];
        int vocabulary = vocabulary(spec);
        for (int i = 0; i < x.length; i++) {
            x[i] = vocabulary > 0 ? random.nextInt(vocabulary) : (float) random.nextDouble(-1, 1);
        }
        int outputs = spec.outputShape().size();
        float[] target = new float[batch * outputs];
        LossKind loss = spec.training().orElseThrow().loss();
        int classes = spec.outputShape().last();
        for (int row = 0; row < target.length / classes; row++) {
            for (int c = 0; c < classes; c++) {
                target[row * classes + c] = switch (loss) {
                    case CATEGORICAL_CROSSENTROPY -> 0f;
                    case BINARY_CROSSENTROPY -> random.nextInt(2);
                    default -> (float) random.nextDouble(-1, 1);
                };
            }
            if (loss == LossKind.CATEGORICAL_CROSSENTROPY) {
                target[row * classes + random.nextInt(classes)] = 1f;
            }
        }
        return new Workload(x, target, new float[batch * outputs]);
    }

    private static int vocabulary(ModelSpec spec) {
        if (!spec.inputs().get(0).integerIds()) {
            return 0;
        }
        if (spec.layers().get(0) instanceof dev.lamina.runtime.spec.LayerSpec.Embedding e) {
            return e.inputDim();
        }
        throw new IllegalArgumentException(
                "model " + spec.name() + " takes token ids but does not start with an embedding");
    }
}
