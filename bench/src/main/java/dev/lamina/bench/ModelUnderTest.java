package dev.lamina.bench;

import dev.lamina.runtime.Model;
import dev.lamina.runtime.spec.ModelSpec;

/**
 * One benchmarked model with its fixed data: built by an engine with dropout off, running on a
 * number of threads ({@link Model#setThreads}), it keeps its initial weights so that each
 * measurement iteration can start from them.
 */
final class ModelUnderTest {
    /** The seed of every engine's initial weights (and of those exported to ONNX Runtime). */
    static final long WEIGHT_SEED = 7;
    /** The seed of every benchmark's batch. */
    static final long DATA_SEED = 42;

    private final Model instance;
    private final int batch;
    private final float[][] initialWeights;
    private final Workload data;

    private ModelUnderTest(Model instance, int batch, Workload data) {
        this.instance = instance;
        this.batch = batch;
        this.data = data;
        this.initialWeights =
                instance.parameters().stream().map(p -> p.value().clone()).toArray(float[][]::new);
    }

    /** Builds {@code model} with {@code engine}, running on {@code threads} threads. */
    static ModelUnderTest build(String model, int batch, String engine, int threads) {
        ModelSpec spec = BenchModel.of(model).spec();
        Model instance = Engine.of(engine).create(spec, WEIGHT_SEED);
        instance.setDropoutInTraining(false);
        instance.setThreads(threads);
        return new ModelUnderTest(instance, batch, Workload.of(spec, batch, DATA_SEED));
    }

    Model instance() {
        return instance;
    }

    /** Restores the weights the model was built with (optimizer state is kept). */
    void resetWeights() {
        for (int i = 0; i < initialWeights.length; i++) {
            instance.parameters().get(i).set(initialWeights[i]);
        }
    }

    /** Inference on the batch; returns the output array. */
    float[] forward() {
        instance.forward(data.x(), batch, data.y());
        return data.y();
    }

    /** One train step on the batch; returns the loss. */
    float trainStep() {
        return instance.trainStep(data.x(), data.target(), batch);
    }
}
