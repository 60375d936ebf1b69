package dev.lamina.runtime.layers;

import dev.lamina.runtime.Initializer;
import dev.lamina.runtime.Parameter;
import dev.lamina.runtime.math.LayerNorm;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code layer_normalization} over the last axis ({@link LayerNorm}): each row of {@code C} values
 * with its own statistics, in training and inference alike; {@code gamma} and {@code beta} of
 * {@code C} values when {@code scale} and {@code center}.
 */
public final class LayerNormalizationLayer extends UnaryLayer {
    private final LayerSpec.LayerNormalization spec;
    private final int width;
    private final Parameter gamma;
    private final Parameter beta;
    private float[] normalized = new float[0];
    private float[] inverseDeviation = new float[0];

    public LayerNormalizationLayer(LayerSpec.LayerNormalization spec, Shape input) {
        super(spec);
        this.spec = spec;
        this.width = input.last();
        Shape vector = Shape.of(width);
        this.gamma = spec.scale() ? new Parameter(spec.name(), "gamma", vector, Initializer.ONES) : null;
        this.beta = spec.center() ? new Parameter(spec.name(), "beta", vector, Initializer.ZEROS) : null;
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> parameters = new ArrayList<>();
        if (gamma != null) {
            parameters.add(gamma);
        }
        if (beta != null) {
            parameters.add(beta);
        }
        return List.copyOf(parameters);
    }

    @Override
    protected void resize() {
        normalized = new float[outputCount()];
        inverseDeviation = new float[outputCount() / width];
    }

    @Override
    public void forward(float[] x, float[] y, SplittableRandom dropout) {
        LayerNorm.forward(
                x,
                normalized,
                inverseDeviation,
                y,
                outputCount() / width,
                width,
                gamma == null ? null : gamma.value(),
                beta == null ? null : beta.value(),
                spec.epsilon());
    }

    @Override
    public void backward(float[] x, float[] y, float[] dy, float[] dx) {
        LayerNorm.backward(
                dy,
                normalized,
                inverseDeviation,
                dx,
                outputCount() / width,
                width,
                gamma == null ? null : gamma.value(),
                gamma == null ? null : gamma.gradient(),
                beta == null ? null : beta.gradient());
    }
}
