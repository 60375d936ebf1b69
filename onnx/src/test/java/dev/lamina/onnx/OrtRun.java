package dev.lamina.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.lamina.runtime.Model;
import dev.lamina.runtime.spec.InputSpec;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs an exported model in ONNX Runtime for Java (one intra-op thread) on Lamina's input arrays. */
final class OrtRun {
    private OrtRun() {}

    /** ONNX Runtime's output for {@code inputs} (Lamina's flat arrays, token ids as whole floats). */
    static float[] predict(Model model, float[][] inputs, int batch) throws OnnxExportException, OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            try (OrtSession session =
                    env.createSession(OnnxExporter.export(model).toByteArray(), options)) {
                return run(env, session, model.inputs(), inputs, batch);
            }
        }
    }

    /** Runs {@code session} on {@code inputs}, one tensor per model input of shape (batch, shape...). */
    static float[] run(OrtEnvironment env, OrtSession session, List<InputSpec> specs, float[][] inputs, int batch)
            throws OrtException {
        Map<String, OnnxTensor> feeds = new HashMap<>();
        try {
            for (int i = 0; i < specs.size(); i++) {
                InputSpec spec = specs.get(i);
                int[] dims = spec.shape().dims();
                long[] shape = new long[dims.length + 1];
                shape[0] = batch;
                int size = inputs[i].length / batch;
                for (int d = 0; d < dims.length; d++) {
                    // a length known only at run time: the rest of the example's values
                    shape[d + 1] = dims[d] > 0 ? dims[d] : size / knownProduct(dims);
                }
                if (spec.integerIds()) {
                    long[] ids = new long[inputs[i].length];
                    for (int j = 0; j < ids.length; j++) {
                        ids[j] = (long) inputs[i][j];
                    }
                    feeds.put(spec.name(), OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape));
                } else {
                    feeds.put(spec.name(), OnnxTensor.createTensor(env, FloatBuffer.wrap(inputs[i]), shape));
                }
            }
            try (OrtSession.Result result = session.run(feeds)) {
                FloatBuffer out = ((OnnxTensor) result.get(0)).getFloatBuffer();
                float[] values = new float[out.remaining()];
                out.get(values);
                return values;
            }
        } finally {
            feeds.values().forEach(OnnxTensor::close);
        }
    }

    private static int knownProduct(int[] dims) {
        int product = 1;
        for (int d : dims) {
            if (d > 0) {
                product *= d;
            }
        }
        return product;
    }
}
