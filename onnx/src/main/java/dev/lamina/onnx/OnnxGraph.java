package dev.lamina.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;
import dev.lamina.runtime.spec.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds an ONNX {@link GraphProto}: nodes, initializers (weights and constants) and the graph's
 * inputs and outputs, with unique tensor and node names.
 */
final class OnnxGraph {
    /** The symbolic batch dimension of every input and the output. */
    static final String BATCH = "batch";

    private final GraphProto.Builder graph = GraphProto.newBuilder();
    private final Set<String> names = new HashSet<>();
    private final Map<Float, String> scalars = new HashMap<>();

    OnnxGraph(String name, String docString) {
        graph.setName(name).setDocString(docString);
    }

    /** A name not used yet: {@code base}, or {@code base_2}, {@code base_3}... */
    String fresh(String base) {
        String name = base;
        for (int n = 2; !names.add(name); n++) {
            name = base + "_" + n;
        }
        return name;
    }

    /** Reserves names the graph must keep as they are (inputs, the nodes' outputs, weights). */
    void reserve(String name) {
        if (!names.add(name)) {
            throw new IllegalArgumentException("the ONNX graph already has a tensor named '" + name + "'");
        }
    }

    /** Adds a node computing {@code output} with operator {@code op} from {@code inputs}. */
    void node(String op, List<String> inputs, String output, AttributeProto... attributes) {
        NodeProto.Builder node = NodeProto.newBuilder()
                .setOpType(op)
                .setName(fresh(output + "/" + op))
                .addAllInput(inputs)
                .addOutput(output);
        for (AttributeProto attribute : attributes) {
            node.addAttribute(attribute);
        }
        graph.addNode(node);
    }

    /** A float initializer of shape {@code dims}, values row-major; returns its (unique) name. */
    String floats(String base, long[] dims, float[] values) {
        String name = fresh(base);
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        graph.addInitializer(TensorProto.newBuilder()
                .setName(name)
                .setDataType(TensorProto.DataType.FLOAT_VALUE)
                .addAllDims(java.util.Arrays.stream(dims).boxed().toList())
                .setRawData(ByteString.copyFrom(bytes.array())));
        return name;
    }

    /** A one-dimensional int64 initializer, e.g. the target shape of a Reshape. */
    String int64s(String name, long... values) {
        TensorProto.Builder tensor = TensorProto.newBuilder()
                .setName(fresh(name))
                .setDataType(TensorProto.DataType.INT64_VALUE)
                .addDims(values.length);
        for (long v : values) {
            tensor.addInt64Data(v);
        }
        graph.addInitializer(tensor);
        return tensor.getName();
    }

    /** A float scalar constant, shared by every node that needs the same value. */
    String scalar(float value) {
        String existing = scalars.get(value);
        if (existing != null) {
            return existing;
        }
        String name = fresh("const/" + value);
        graph.addInitializer(TensorProto.newBuilder()
                .setName(name)
                .setDataType(TensorProto.DataType.FLOAT_VALUE)
                .addFloatData(value));
        scalars.put(value, name);
        return name;
    }

    /** Declares a graph input: float (or int64 token ids) of shape {@code (batch, shape...)}. */
    void input(String name, Shape shape, boolean int64) {
        graph.addInput(
                valueInfo(name, shape, int64 ? TensorProto.DataType.INT64_VALUE : TensorProto.DataType.FLOAT_VALUE));
    }

    /** Declares the graph's output: float of shape {@code (batch, shape...)}. */
    void output(String name, Shape shape) {
        graph.addOutput(valueInfo(name, shape, TensorProto.DataType.FLOAT_VALUE));
    }

    /** A tensor's type with the batch as {@value #BATCH} and lengths known only at run time left open. */
    private static ValueInfoProto valueInfo(String name, Shape shape, int dataType) {
        TensorShapeProto.Builder dims = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam(BATCH));
        for (int d : shape.dims()) {
            TensorShapeProto.Dimension.Builder dim = TensorShapeProto.Dimension.newBuilder();
            if (d != Shape.UNKNOWN) {
                dim.setDimValue(d);
            }
            dims.addDim(dim);
        }
        return ValueInfoProto.newBuilder()
                .setName(name)
                .setType(TypeProto.newBuilder()
                        .setTensorType(TypeProto.Tensor.newBuilder()
                                .setElemType(dataType)
                                .setShape(dims)))
                .build();
    }

    GraphProto build() {
        return graph.build();
    }

    static AttributeProto ints(String name, long... values) {
        AttributeProto.Builder attribute =
                AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (long v : values) {
            attribute.addInts(v);
        }
        return attribute.build();
    }

    static AttributeProto integer(String name, long value) {
        return AttributeProto.newBuilder()
                .setName(name)
                .setType(AttributeProto.AttributeType.INT)
                .setI(value)
                .build();
    }

    static AttributeProto real(String name, float value) {
        return AttributeProto.newBuilder()
                .setName(name)
                .setType(AttributeProto.AttributeType.FLOAT)
                .setF(value)
                .build();
    }

    static AttributeProto text(String name, String value) {
        return AttributeProto.newBuilder()
                .setName(name)
                .setType(AttributeProto.AttributeType.STRING)
                .setS(ByteString.copyFromUtf8(value))
                .build();
    }
}
