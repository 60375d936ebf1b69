package dev.lamina.runtime.interpreter;

import dev.lamina.runtime.AbstractModel;
import dev.lamina.runtime.Initializer;
import dev.lamina.runtime.Parameter;
import dev.lamina.runtime.layers.Layer;
import dev.lamina.runtime.layers.Layers;
import dev.lamina.runtime.spec.ModelSpec;
import dev.lamina.runtime.spec.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Runs any {@link ModelSpec} with one generic {@link Layer} per layer spec: the reference the
 * generated classes are compared with. Inputs of unknown length work: the steps come from the size
 * of each batch. Buffers between layers are sized per input shape and batch size and reused while
 * these stay the same.
 */
public final class Interpreter extends AbstractModel {
    private final List<Layer> layers;
    /** outputs[i]: the output of layer i in the last pass. */
    private float[][] outputs = new float[0][];
    /** gradients[i]: d(loss)/d(output of layer i) in the last backward pass. */
    private float[][] gradients = new float[0][];

    private float[] inputGradient = new float[0];
    private Shape preparedInput;
    private int preparedBatch;

    /**
     * An interpreter for {@code spec} whose parameters are initialized from {@code seed} (Keras's
     * initializers, in layer order, kernel before bias).
     */
    public Interpreter(ModelSpec spec, long seed) {
        this(spec, createLayers(spec));
        Initializer.initializeAll(parameters(), seed);
    }

    private Interpreter(ModelSpec spec, List<Layer> layers) {
        super(spec, parametersOf(layers));
        this.layers = layers;
    }

    private static List<Layer> createLayers(ModelSpec spec) {
        List<Shape> shapes = spec.shapes();
        List<Layer> layers = new ArrayList<>();
        for (int i = 0; i < spec.layers().size(); i++) {
            layers.add(Layers.create(spec.layers().get(i), shapes.get(i)));
        }
        return List.copyOf(layers);
    }

    private static List<Parameter> parametersOf(List<Layer> layers) {
        List<Parameter> parameters = new ArrayList<>();
        for (Layer layer : layers) {
            parameters.addAll(layer.parameters());
        }
        return parameters;
    }

    @Override
    public Shape inputShape() {
        return spec().input().shape();
    }

    @Override
    public Shape outputShape() {
        return spec().outputShape();
    }

    /**
     * A replica for one shard of a batch: its layers hold their own parameter arrays, into which the
     * model's values are copied before each of its passes.
     */
    @Override
    protected AbstractModel replica() {
        return new Interpreter(spec(), createLayers(spec()));
    }

    @Override
    protected void forwardInference(float[] x, int batch, float[] y) {
        float[] output = run(x, batch, null);
        System.arraycopy(output, 0, y, 0, outputCount(x, batch));
    }

    @Override
    protected float[] forwardTraining(float[] x, int batch) {
        return run(x, batch, dropoutInTraining() ? dropoutRandom() : null);
    }

    /** The forward pass; returns the last layer's output buffer (or x for a model without layers). */
    private float[] run(float[] x, int batch, SplittableRandom dropout) {
        prepare(x, batch);
        float[] input = x;
        for (int i = 0; i < layers.size(); i++) {
            layers.get(i).forward(input, outputs[i], dropout);
            input = outputs[i];
        }
        return input;
    }

    @Override
    protected void backward(float[] x, float[] outputGradient, int batch) {
        float[] dy = outputGradient;
        for (int i = layers.size() - 1; i >= 0; i--) {
            float[] in = i == 0 ? x : outputs[i - 1];
            float[] dx = i > 0 ? gradients[i - 1] : (spec().input().integerIds() ? null : inputGradient);
            layers.get(i).backward(in, outputs[i], dy, dx);
            dy = dx;
        }
        if (layers.isEmpty()) {
            System.arraycopy(outputGradient, 0, inputGradient, 0, inputGradient.length);
        }
    }

    @Override
    protected float[] inputGradientBuffer() {
        return inputGradient;
    }

    /** Sizes every buffer for this batch: once per input shape and batch size. */
    private void prepare(float[] x, int batch) {
        Shape input = inputShapeFor(x, batch);
        if (batch == preparedBatch && input.equals(preparedInput)) {
            return;
        }
        outputs = new float[layers.size()][];
        gradients = new float[layers.size()][];
        Shape shape = input;
        for (int i = 0; i < layers.size(); i++) {
            shape = layers.get(i).prepare(shape, batch);
            outputs[i] = new float[batch * shape.size()];
            gradients[i] = new float[batch * shape.size()];
        }
        inputGradient = new float[batch * input.size()];
        preparedInput = input;
        preparedBatch = batch;
    }
}
