package dev.lamina.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import dev.lamina.compiler.Compilation;
import dev.lamina.compiler.LaminaCompiler;
import dev.lamina.runtime.interpreter.Interpreter;
import dev.lamina.runtime.spec.ModelSpec;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the exported ONNX model holds: opset, inputs and outputs, operators, weights, refusals. */
class OnnxExporterTest {
    @TempDir
    Path dir;

    private static ModelSpec spec(String text) {
        Compilation compilation = LaminaCompiler.compile("m.lamina", text);
        assertThat(compilation.hasErrors()).as(compilation.render()).isFalse();
        return compilation.models().get(0).spec();
    }

    @Test
    void theSeedToyIsATransposedConvWithItsKernelInOnnxLayout() throws Exception {
        Interpreter toy = new Interpreter(spec("model Toy { input [4, 1] conv1d(1, 2, use_bias=false) }"), 0);
        toy.parameter("conv1d/kernel").set(new float[] {1, 2});
        ModelProto model = OnnxExporter.export(toy);
        assertThat(model.getIrVersion()).isEqualTo(8);
        assertThat(model.getOpsetImport(0).getDomain()).isEmpty();
        assertThat(model.getOpsetImport(0).getVersion()).isEqualTo(17);
        assertThat(model.getProducerName()).isEqualTo("Lamina");
        GraphProto graph = model.getGraph();
        assertThat(graph.getName()).isEqualTo("Toy");
        assertThat(describe(graph.getInput(0))).isEqualTo("input FLOAT [batch, 4, 1]");
        assertThat(describe(graph.getOutput(0))).isEqualTo("conv1d FLOAT [batch, 3, 1]");
        assertThat(graph.getNodeList().stream().map(NodeProto::getOpType))
                .containsExactly("Transpose", "Conv", "Transpose");
        NodeProto conv = graph.getNode(1);
        assertThat(conv.getInputList()).containsExactly("conv1d/ncl", "conv1d/kernel");
        assertThat(conv.getAttributeList().stream().map(a -> a.getName() + "=" + a.getIntsList()))
                .containsExactly("kernel_shape=[2]", "strides=[1]", "dilations=[1]", "pads=[0, 0]");
        TensorProto kernel = graph.getInitializer(0);
        assertThat(kernel.getName()).isEqualTo("conv1d/kernel");
        assertThat(kernel.getDimsList()).containsExactly(1L, 1L, 2L);
        assertThat(floats(kernel)).containsExactly(1, 2);
    }

    @Test
    void samePaddingIsExplicitForAKnownLengthAndSameUpperForARunTimeOne() throws Exception {
        GraphProto known = OnnxExporter.export(
                        new Interpreter(spec("model M { input [128, 1] conv1d(2, 5, strides=2, padding=same) }"), 0))
                .getGraph();
        assertThat(known.getNode(1).getAttribute(3).getIntsList()).containsExactly(1L, 2L);
        GraphProto any = OnnxExporter.export(
                        new Interpreter(spec("model M { input [None, 1] conv1d(2, 5, strides=2, padding=same) }"), 0))
                .getGraph();
        assertThat(any.getNode(1).getAttribute(3).getName()).isEqualTo("auto_pad");
        assertThat(any.getNode(1).getAttribute(3).getS().toStringUtf8()).isEqualTo("SAME_UPPER");
        assertThat(describe(any.getInput(0))).isEqualTo("input FLOAT [batch, ?, 1]");
    }

    @Test
    void namedInputsKeepTheirNamesAndTokenIdsAreInt64() throws Exception {
        ModelProto model = OnnxExporter.export(new Interpreter(
                spec(
                        """
                        model M {
                          input tokens [5] int
                          input side [3]
                          e = tokens -> embedding(10, 4) -> global_average_pooling1d
                          [e, side] -> concatenate
                          dense(2, activation=softmax, name=probabilities)
                        }
                        """),
                0));
        GraphProto graph = model.getGraph();
        assertThat(graph.getInputList().stream().map(OnnxExporterTest::describe))
                .containsExactly("tokens INT64 [batch, 5]", "side FLOAT [batch, 3]");
        assertThat(describe(graph.getOutput(0))).isEqualTo("probabilities FLOAT [batch, 2]");
        assertThat(graph.getNodeList().stream().map(n -> n.getOpType() + " -> " + n.getOutput(0)))
                .containsExactly(
                        "Gather -> embedding",
                        "ReduceMean -> global_average_pooling1d",
                        "Concat -> concatenate",
                        "MatMul -> probabilities/matmul",
                        "Add -> probabilities/biased",
                        "Softmax -> probabilities");
    }

    @Test
    void channelsFirstLayersNeedNoTranspose() throws Exception {
        GraphProto graph = OnnxExporter.export(new Interpreter(
                        spec("model M { input [3, 10] conv1d(4, 3, data_format=channels_first)"
                                + " max_pooling1d(2, data_format=channels_first) }"),
                        0))
                .getGraph();
        assertThat(graph.getNodeList().stream().map(NodeProto::getOpType)).containsExactly("Conv", "MaxPool");
        assertThat(describe(graph.getOutput(0))).isEqualTo("max_pooling1d FLOAT [batch, 4, 4]");
    }

    @Test
    void writesAFileOnnxCanParse() throws Exception {
        Interpreter model = new Interpreter(spec("model M { input [6] dense(2, activation=gelu) }"), 3);
        Path file = dir.resolve("out/m.onnx");
        OnnxExporter.write(model, file);
        ModelProto read = ModelProto.parseFrom(Files.readAllBytes(file));
        assertThat(read).isEqualTo(OnnxExporter.export(model));
        assertThat(read.getGraph().getNodeList().stream().map(NodeProto::getOpType))
                .containsExactly("MatMul", "Add", "Div", "Erf", "Add", "Mul", "Mul");
        try (var files = Files.list(file.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("m.onnx");
        }
    }

    @Test
    void aModelWithoutLayersIsRefused() {
        Interpreter model = new Interpreter(spec("model Empty { input [3] }"), 0);
        assertThatThrownBy(() -> OnnxExporter.export(model))
                .isInstanceOf(OnnxExportException.class)
                .hasMessage("model Empty has no layers: its output is its input, there is nothing to export");
    }

    @Test
    void theAgreementCheckFailsOnADifference() {
        float[] lamina = {1f, -2f, 0.5f};
        OnnxRuntimeAgreementTest.assertAgree("same", new float[] {1f, -2.00001f, 0.5f}, lamina);
        assertThatThrownBy(() -> OnnxRuntimeAgreementTest.assertAgree("off", new float[] {1f, -2f, 0.5001f}, lamina))
                .hasMessageContaining("[2] ONNX Runtime 0.5001, Lamina 0.5");
    }

    private static String describe(ValueInfoProto value) {
        var tensor = value.getType().getTensorType();
        List<String> dims = tensor.getShape().getDimList().stream()
                .map(d -> d.hasDimParam() ? d.getDimParam() : d.hasDimValue() ? Long.toString(d.getDimValue()) : "?")
                .toList();
        return value.getName() + " " + TensorProto.DataType.forNumber(tensor.getElemType()) + " " + dims;
    }

    private static float[] floats(TensorProto tensor) {
        ByteBuffer bytes = tensor.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        float[] values = new float[bytes.remaining() / Float.BYTES];
        bytes.asFloatBuffer().get(values);
        return values;
    }
}
