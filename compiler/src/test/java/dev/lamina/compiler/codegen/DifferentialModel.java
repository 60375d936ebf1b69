package dev.lamina.compiler.codegen;

import dev.lamina.runtime.spec.InputSpec;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.ModelSpec;
import dev.lamina.runtime.spec.NodeSpec;
import dev.lamina.runtime.spec.Shape;
import dev.lamina.runtime.spec.TrainingSpec;
import java.util.SplittableRandom;

/**
 * A random model of a differential test with its seeded data: a batch for every input and targets
 * that suit its loss. {@link EngineComparison} runs it through two engines.
 */
interface DifferentialModel {
    ModelSpec spec();

    int batch();

    long dataSeed();

    /** The training section (present by construction). */
    default TrainingSpec training() {
        return spec().training().orElseThrow();
    }

    /** One array per input: values in [-1, 1], or token ids below the vocabulary of the embedding reading it. */
    default float[][] inputs() {
        SplittableRandom random = new SplittableRandom(dataSeed());
        ModelSpec spec = spec();
        float[][] x = new float[spec.inputs().size()][];
        for (int in = 0; in < x.length; in++) {
            InputSpec input = spec.inputs().get(in);
            int vocabulary = input.integerIds() ? vocabulary(spec, input.name()) : 0;
            x[in] = new float[batch() * input.shape().size()];
            for (int i = 0; i < x[in].length; i++) {
                x[in][i] = input.integerIds() ? random.nextInt(vocabulary) : (float) random.nextDouble(-1, 1);
            }
        }
        return x;
    }

    private static int vocabulary(ModelSpec spec, String input) {
        for (NodeSpec node : spec.nodes()) {
            if (node.layer() instanceof LayerSpec.Embedding e && node.inputs().contains(input)) {
                return e.inputDim();
            }
        }
        throw new IllegalStateException("no embedding reads the token ids of input " + input);
    }

    /**
     * Targets for the loss: values in [-1, 1] (mse, mae), probabilities in [0, 1] (binary), rows
     * summing to 1 (categorical) or class ids (sparse).
     */
    default float[] targets() {
        SplittableRandom random = new SplittableRandom(~dataSeed());
        Shape out = spec().outputShape();
        int count = batch() * out.size();
        int classes = out.last();
        switch (training().loss()) {
            case SPARSE_CATEGORICAL_CROSSENTROPY -> {
                float[] ids = new float[count / classes];
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = random.nextInt(classes);
                }
                return ids;
            }
            case CATEGORICAL_CROSSENTROPY -> {
                float[] t = new float[count];
                for (int r = 0; r < count; r += classes) {
                    double sum = 0;
                    for (int c = 0; c < classes; c++) {
                        t[r + c] = (float) random.nextDouble(0.05, 1);
                        sum += t[r + c];
                    }
                    for (int c = 0; c < classes; c++) {
                        t[r + c] /= (float) sum;
                    }
                }
                return t;
            }
            case BINARY_CROSSENTROPY -> {
                float[] t = new float[count];
                for (int i = 0; i < count; i++) {
                    t[i] = (float) random.nextDouble();
                }
                return t;
            }
            default -> {
                float[] t = new float[count];
                for (int i = 0; i < count; i++) {
                    t[i] = (float) random.nextDouble(-1, 1);
                }
                return t;
            }
        }
    }
}
