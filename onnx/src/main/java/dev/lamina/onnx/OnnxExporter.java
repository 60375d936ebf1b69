package dev.lamina.onnx;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import dev.lamina.runtime.Model;
import dev.lamina.runtime.Parameter;
import dev.lamina.runtime.io.AtomicFiles;
import dev.lamina.runtime.spec.InputSpec;
import dev.lamina.runtime.spec.ModelSpec;
import dev.lamina.runtime.spec.NodeSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Exports a Lamina model and its current weights as a standard ONNX model: opset {@value #OPSET}
 * of the default domain, IR version {@value #IR_VERSION}; one graph input per model input, named
 * like it and laid out like it (batch first, then the per-example shape, channels-last unless a
 * layer says channels_first), float, or int64 for token ids; one output named like the model's
 * output tensor; the weights as initializers. A Lamina model computes in inference mode here:
 * dropout is the identity.
 *
 * <pre>{@code
 * Model model = new MyModel(0);
 * model.loadWeights(Path.of("my.weights"));
 * OnnxExporter.write(model, Path.of("my.onnx"));
 * }</pre>
 */
public final class OnnxExporter {
    /** The ONNX operator set the models use. */
    public static final int OPSET = 17;

    /** The ONNX IR version of opset 17 (ONNX 1.12). */
    public static final long IR_VERSION = 8;

    private OnnxExporter() {}

    /**
     * The ONNX model of {@code model} with its current weights.
     *
     * @throws OnnxExportException when the model cannot be expressed in ONNX (a model without
     *     layers)
     */
    public static ModelProto export(Model model) throws OnnxExportException {
        ModelSpec spec = model.spec();
        if (spec.nodes().isEmpty()) {
            throw new OnnxExportException("model " + spec.name() + " has no layers: its output is its input, there"
                    + " is nothing to export");
        }
        Map<String, Map<String, Parameter>> byLayer = new LinkedHashMap<>();
        for (Parameter p : model.parameters()) {
            byLayer.computeIfAbsent(p.layer(), k -> new LinkedHashMap<>()).put(p.name(), p);
        }
        OnnxGraph graph = new OnnxGraph(spec.name(), "Lamina model " + spec.name());
        for (InputSpec input : spec.inputs()) {
            graph.reserve(input.name());
            graph.input(input.name(), input.shape(), input.integerIds());
        }
        for (NodeSpec node : spec.nodes()) {
            graph.reserve(node.name());
        }
        for (int n = 0; n < spec.nodes().size(); n++) {
            NodeSpec node = spec.nodes().get(n);
            List<String> reads = new ArrayList<>(node.inputs());
            node.layer()
                    .accept(new LayerOps(
                            graph,
                            reads,
                            spec.inputShapes(n),
                            node.name(),
                            byLayer.getOrDefault(node.name(), Map.of())));
        }
        graph.output(spec.output(), spec.outputShape());
        return ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setProducerName("Lamina")
                .setProducerVersion(version())
                .setDocString("Lamina model " + spec.name() + ", exported with its weights")
                .addMetadataProps(StringStringEntryProto.newBuilder()
                        .setKey("lamina.model")
                        .setValue(spec.name()))
                .setGraph(graph.build())
                .build();
    }

    /** Writes {@link #export} of {@code model} to {@code file}: completely or not at all. */
    public static void write(Model model, Path file) throws OnnxExportException, IOException {
        AtomicFiles.write(file, export(model).toByteArray());
    }

    private static String version() {
        String version = OnnxExporter.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
