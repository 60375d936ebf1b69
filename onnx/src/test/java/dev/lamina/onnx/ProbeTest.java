package dev.lamina.onnx;

import ai.onnxruntime.OrtEnvironment;
import org.junit.jupiter.api.Test;

class ProbeTest {
    @Test
    void probe() throws Exception {
        System.out.println("ORT " + OrtEnvironment.getEnvironment().getVersion());
        System.out.println(ai.onnx.proto.OnnxMl.ModelProto.newBuilder().setIrVersion(8).build());
    }
}
