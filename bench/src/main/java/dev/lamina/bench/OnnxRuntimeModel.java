package dev.lamina.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.lamina.onnx.OnnxExportException;
import dev.lamina.onnx.OnnxExporter;
import dev.lamina.runtime.interpreter.Interpreter;
import dev.lamina.runtime.spec.InputSpec;
import dev.lamina.runtime.spec.ModelSpec;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Map;

/**
 * A benchmarked model in ONNX Runtime for Java, the JVM peer: the model with the weights the other
 * engines start from ({@link ModelUnderTest#WEIGHT_SEED}), exported by {@link OnnxExporter}, in a
 * session on one intra-op thread (sequential execution, every graph optimization) with the batch of
 * {@link Workload} in a direct input buffer and the output pinned to a direct buffer, so a call
 * copies nothing on the Java side. Inference only: ONNX Runtime does not train.
 */
final class OnnxRuntimeModel implements AutoCloseable {
    private final OrtSession session;
    private final OnnxTensor input;
    private final OnnxTensor output;
    private final FloatBuffer outputValues;
    private final Map<String, OnnxTensor> inputs;
    private final Map<String, OnnxTensor> outputs;

    private OnnxRuntimeModel(OrtSession session, OnnxTensor input, OnnxTensor output, FloatBuffer outputValues) {
        this.session = session;
        this.input = input;
        this.output = output;
        this.outputValues = outputValues;
        this.inputs = Map.of(session.getInputNames().iterator().next(), input);
        this.outputs = Map.of(session.getOutputNames().iterator().next(), output);
    }

    /** The benchmark model {@code model} at batch size {@code batch}. */
    static OnnxRuntimeModel build(String model, int batch) throws OrtException, OnnxExportException {
        ModelSpec spec = BenchModel.of(model).spec();
        Interpreter lamina = new Interpreter(spec, ModelUnderTest.WEIGHT_SEED);
        Workload data = Workload.of(spec, batch, ModelUnderTest.DATA_SEED);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        OrtSession session;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            session = env.createSession(OnnxExporter.export(lamina).toByteArray(), options);
        }
        InputSpec in = spec.inputs().get(0);
        OnnxTensor input;
        if (in.integerIds()) {
            LongBuffer ids = direct(data.x().length * Long.BYTES).asLongBuffer();
            for (float id : data.x()) {
                ids.put((long) id);
            }
            input = OnnxTensor.createTensor(
                    env, ids.rewind(), shape(batch, in.shape().dims()));
        } else {
            FloatBuffer x = direct(data.x().length * Float.BYTES).asFloatBuffer();
            input = OnnxTensor.createTensor(
                    env, x.put(data.x()).rewind(), shape(batch, in.shape().dims()));
        }
        FloatBuffer y = direct(data.y().length * Float.BYTES).asFloatBuffer();
        OnnxTensor output =
                OnnxTensor.createTensor(env, y, shape(batch, spec.outputShape().dims()));
        return new OnnxRuntimeModel(session, input, output, y);
    }

    /** One inference on the batch; the outputs are in {@link #outputs()}. */
    void forward() throws OrtException {
        session.run(inputs, outputs).close();
    }

    /** The output buffer the session writes, {@code (batch, output shape...)} flat. */
    FloatBuffer outputs() {
        return outputValues;
    }

    @Override
    public void close() throws OrtException {
        input.close();
        output.close();
        session.close();
    }

    private static ByteBuffer direct(int bytes) {
        return ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
    }

    private static long[] shape(int batch, int[] dims) {
        long[] shape = new long[dims.length + 1];
        shape[0] = batch;
        for (int i = 0; i < dims.length; i++) {
            shape[i + 1] = dims[i];
        }
        return shape;
    }
}
