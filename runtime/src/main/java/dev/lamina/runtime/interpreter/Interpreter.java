package dev.lamina.runtime.interpreter;

import dev.lamina.runtime.AbstractModel;
import dev.lamina.runtime.BatchStatistics;
import dev.lamina.runtime.Initializer;
import dev.lamina.runtime.Parameter;
import dev.lamina.runtime.layers.BatchNormalizationLayer;
import dev.lamina.runtime.layers.Layer;
import dev.lamina.runtime.layers.Layers;
import dev.lamina.runtime.spec.ModelSpec;
import dev.lamina.runtime.spec.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Runs any {@link ModelSpec} graph with one generic {@link Layer} per node: the reference the
 * generated classes are compared with. Nodes run in the spec's topological order; backward runs
 * them in reverse, and a tensor read by several nodes receives the sum of their gradients. Inputs
 * of unknown length work: the steps come from the size of each batch. Buffers are sized per input
 * shapes and batch size and reused while these stay the same. A model with batch normalization
 * runs its training passes in segments split at those layers ({@link
 * AbstractModel#forwardTrainingSegment}).
 */
public final class Interpreter extends AbstractModel {
    private final List<Layer> layers;
    private final GradientRouting routing;
    /** The batch-normalization nodes, in order: the boundaries of the training segments. */
    private final int[] normalizations;

    private final List<BatchStatistics> statistics;
    /** inputsOf[n]: the arrays node n reads, refreshed before each pass. */
    private final float[][][] inputsOf;
    /** Tensor values of the last pass: the caller's input arrays, then each node's output buffer. */
    private float[][] values;
    /** gradientsOf[n]: where node n writes d(loss)/d(each input), per slot (null: not wanted). */
    private float[][][] gradientsOf;
    /** d(loss)/d(each tensor) of the last backward pass. */
    private float[][] gradients;

    private List<Shape> preparedInputs;
    private int preparedBatch;

    /**
     * An interpreter for {@code spec} whose parameters are initialized from {@code seed} (Keras's
     * initializers, in node order, kernel before bias).
     */
    public Interpreter(ModelSpec spec, long seed) {
        this(spec, createLayers(spec));
        Initializer.initializeAll(parameters(), seed);
    }

    private Interpreter(ModelSpec spec, List<Layer> layers) {
        super(spec, parametersOf(layers));
        this.layers = layers;
        this.routing = new GradientRouting(spec);
        this.inputsOf = new float[layers.size()][][];
        for (int n = 0; n < layers.size(); n++) {
            inputsOf[n] = new float[spec.nodes().get(n).inputs().size()][];
        }
        this.values = new float[spec.tensorCount()][];
        this.normalizations = batchNormalizationNodes(spec);
        List<BatchStatistics> all = new ArrayList<>();
        for (int n : normalizations) {
            all.add(normalization(n).statistics());
        }
        this.statistics = List.copyOf(all);
    }

    private BatchNormalizationLayer normalization(int node) {
        return (BatchNormalizationLayer) layers.get(node);
    }

    private static List<Layer> createLayers(ModelSpec spec) {
        List<Layer> layers = new ArrayList<>();
        for (int n = 0; n < spec.nodes().size(); n++) {
            layers.add(Layers.create(spec.nodes().get(n).layer(), spec.inputShapes(n)));
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

    /**
     * A replica for one shard of a batch: its layers hold their own parameter arrays, into which the
     * model's values are copied before each of its passes.
     */
    @Override
    protected AbstractModel replica() {
        return new Interpreter(spec(), createLayers(spec()));
    }

    @Override
    protected void forwardInference(float[][] x, int batch, float[] y) {
        float[] output = run(x, batch, null);
        System.arraycopy(output, 0, y, 0, outputCount(x, batch));
    }

    @Override
    protected float[] forwardTraining(float[][] x, int batch) {
        if (normalizations.length > 0) {
            return forwardTrainingBySegments(x, batch);
        }
        return run(x, batch, dropoutInTraining() ? dropoutRandom() : null);
    }

    @Override
    protected List<BatchStatistics> batchStatistics() {
        return statistics;
    }

    @Override
    protected float[] forwardTrainingSegment(float[][] x, int batch, int segment) {
        if (segment == 0) {
            prepare(x, batch);
            System.arraycopy(x, 0, values, 0, x.length);
        }
        SplittableRandom dropout = dropoutInTraining() ? dropoutRandom() : null;
        int from = 0;
        if (segment > 0) {
            int previous = normalizations[segment - 1];
            gather(previous);
            normalization(previous).normalize(inputsOf[previous][0], values[spec().tensorOfNode(previous)]);
            from = previous + 1;
        }
        int to = segment < normalizations.length ? normalizations[segment] : layers.size();
        for (int n = from; n < to; n++) {
            gather(n);
            layers.get(n).forward(inputsOf[n], values[spec().tensorOfNode(n)], dropout);
        }
        if (segment < normalizations.length) {
            gather(to);
            normalization(to).accumulate(inputsOf[to][0]);
            return null;
        }
        return values[routing.outputTensor()];
    }

    @Override
    protected void backwardSegment(float[][] x, float[] outputGradient, int batch, int segment) {
        int last = spec().tensorCount() - 1;
        if (segment < normalizations.length) {
            int node = normalizations[segment];
            if (routing.reachesOutput(node)) {
                gather(node);
                int t = spec().tensorOfNode(node);
                normalization(node).inputGradient(gradients[t], gradientsOf[node][0]);
            }
            last = spec().tensorOfNode(node) - 1;
        } else {
            System.arraycopy(x, 0, values, 0, x.length);
        }
        int previous = segment > 0 ? normalizations[segment - 1] : -1;
        int first = segment > 0 ? spec().tensorOfNode(previous) : 0;
        for (int t = last; t >= first; t--) {
            routing.collect(t, gradients, gradientsOf, outputGradient);
            int n = t - spec().inputs().size();
            if (n < 0 || !routing.reachesOutput(n)) {
                continue;
            }
            if (n == previous) {
                normalization(n).accumulateGradients(gradients[t]);
            } else {
                gather(n);
                layers.get(n).backward(inputsOf[n], values[t], gradients[t], gradientsOf[n]);
            }
        }
    }

    /** The forward pass; returns the output tensor's array. */
    private float[] run(float[][] x, int batch, SplittableRandom dropout) {
        prepare(x, batch);
        System.arraycopy(x, 0, values, 0, x.length);
        for (int n = 0; n < layers.size(); n++) {
            gather(n);
            layers.get(n).forward(inputsOf[n], values[spec().tensorOfNode(n)], dropout);
        }
        return values[routing.outputTensor()];
    }

    private void gather(int n) {
        int[] reads = routing.reads(n);
        for (int slot = 0; slot < reads.length; slot++) {
            inputsOf[n][slot] = values[reads[slot]];
        }
    }

    @Override
    protected void backward(float[][] x, float[] outputGradient, int batch) {
        if (normalizations.length > 0) {
            backwardBySegments(x, outputGradient, batch);
            return;
        }
        System.arraycopy(x, 0, values, 0, x.length);
        for (int t = spec().tensorCount() - 1; t >= 0; t--) {
            routing.collect(t, gradients, gradientsOf, outputGradient);
            int n = t - spec().inputs().size();
            if (n >= 0 && routing.reachesOutput(n)) {
                gather(n);
                layers.get(n).backward(inputsOf[n], values[t], gradients[t], gradientsOf[n]);
            }
        }
    }

    @Override
    protected float[] inputGradientBuffer(int input) {
        return gradients[input];
    }

    /** Sizes every buffer for this batch: once per input shapes and batch size. */
    private void prepare(float[][] x, int batch) {
        List<Shape> inputs = inputShapesFor(x, batch);
        if (batch == preparedBatch && inputs.equals(preparedInputs)) {
            return;
        }
        List<Shape> shapes = new ArrayList<>(inputs);
        int[] sizes = new int[spec().tensorCount()];
        for (int i = 0; i < inputs.size(); i++) {
            sizes[i] = batch * inputs.get(i).size();
        }
        for (int n = 0; n < layers.size(); n++) {
            List<Shape> in = new ArrayList<>();
            for (int tensor : routing.reads(n)) {
                in.add(shapes.get(tensor));
            }
            Shape out = layers.get(n).prepare(in, batch);
            shapes.add(out);
            int t = spec().tensorOfNode(n);
            sizes[t] = batch * out.size();
            values[t] = new float[sizes[t]];
        }
        gradients = new float[spec().tensorCount()][];
        gradientsOf = routing.allocate(sizes, gradients);
        preparedInputs = List.copyOf(inputs);
        preparedBatch = batch;
    }
}
