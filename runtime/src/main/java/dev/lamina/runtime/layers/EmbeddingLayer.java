package dev.lamina.runtime.layers;

import dev.lamina.runtime.Initializer;
import dev.lamina.runtime.Parameter;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.Shape;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code embedding}: each id (a whole number in {@code [0, input_dim)}, given as a float) becomes
 * its row of the embeddings (input_dim, output_dim). Gradients are scatter-added into the rows that
 * were used; ids have no gradient.
 */
public final class EmbeddingLayer extends UnaryLayer {
    private final LayerSpec.Embedding spec;
    private final Parameter embeddings;

    public EmbeddingLayer(LayerSpec.Embedding spec) {
        super(spec);
        this.spec = spec;
        this.embeddings = new Parameter(
                spec.name(), "embeddings", Shape.of(spec.inputDim(), spec.outputDim()), Initializer.UNIFORM_005);
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(embeddings);
    }

    @Override
    public void forward(float[] x, float[] y, SplittableRandom dropout) {
        int width = spec.outputDim();
        int ids = inputCount();
        for (int i = 0; i < ids; i++) {
            System.arraycopy(embeddings.value(), id(x, i) * width, y, i * width, width);
        }
    }

    @Override
    public void backward(float[] x, float[] y, float[] dy, float[] dx) {
        int width = spec.outputDim();
        float[] g = embeddings.gradient();
        int ids = inputCount();
        for (int i = 0; i < ids; i++) {
            int row = id(x, i) * width;
            for (int j = 0; j < width; j++) {
                g[row + j] += dy[i * width + j];
            }
        }
    }

    private int id(float[] x, int index) {
        float v = x[index];
        int id = (int) v;
        if (id != v || id < 0 || id >= spec.inputDim()) {
            throw new IllegalArgumentException(name() + " (embedding): id " + v + " at input position " + index
                    + " is not a whole number in [0, " + spec.inputDim() + ")");
        }
        return id;
    }
}
