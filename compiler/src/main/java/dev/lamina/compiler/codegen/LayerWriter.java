package dev.lamina.compiler.codegen;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.lamina.runtime.Initializer;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.Shape;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes the members of one layer of a generated model: its fields and its backward pass {@code
 * <prefix>Backward(x, y, dy, dx, batch)} ({@code x0, x1, ..., y, dy, dx0, dx1, ...} for a merge),
 * plus a forward pass for layers that compute an output ({@link ComputingLayerWriter}), with every
 * shape a literal taken from the model's graph. One subclass per layer kind; {@link
 * ModelClassWriter} assembles them.
 */
abstract class LayerWriter {
    static final TypeName FLOATS = ArrayTypeName.of(TypeName.FLOAT);
    static final TypeName FLOAT_ROWS = ArrayTypeName.of(FLOATS);
    static final TypeName INTS = ArrayTypeName.of(TypeName.INT);
    static final ClassName ARRAYS = ClassName.get("java.util", "Arrays");
    static final ClassName PARAMETER = ClassName.get("dev.lamina.runtime", "Parameter");

    /**
     * A tensor of the layer: {@code name} is its Keras name, {@code field} its Java field; a
     * non-trainable one (moving statistics) is saved with the weights but has no gradient.
     */
    record ParameterDecl(String name, Shape shape, Initializer initializer, String field, boolean trainable) {
        /** A trainable tensor. */
        ParameterDecl(String name, Shape shape, Initializer initializer, String field) {
            this(name, shape, initializer, field, true);
        }
    }

    protected final LayerSpec layer;
    protected final String prefix;
    protected final Shape in;
    protected final Shape out;

    LayerWriter(LayerSpec layer, String prefix, Shape in, Shape out) {
        this.layer = layer;
        this.prefix = prefix;
        this.in = in;
        this.out = out;
    }

    /** Values per example entering the layer (through its first input). */
    final int inSize() {
        return in.size();
    }

    /** Values per example entering through input {@code slot}. */
    int inSize(int slot) {
        return in.size();
    }

    /** The number of tensors the layer reads: 1, or the length of a merge's list. */
    int arity() {
        return 1;
    }

    /** The name of the pass parameter holding input {@code slot}: {@code x}, or {@code x0, x1, ...}. */
    final String inputParameter(int slot) {
        return arity() == 1 ? "x" : "x" + slot;
    }

    /** The name of the pass parameter receiving d(loss)/d(input {@code slot}): {@code dx}, or {@code dx0, ...}. */
    final String inputGradientParameter(int slot) {
        return arity() == 1 ? "dx" : "dx" + slot;
    }

    /** Values per example leaving the layer. */
    final int outSize() {
        return out.size();
    }

    /** The layer's tensors in Keras order (kernel before bias). */
    List<ParameterDecl> parameters() {
        return List.of();
    }

    /** Whether the output is the input itself (flatten, reshape): no buffer, no forward pass. */
    final boolean aliasesInput() {
        return !(this instanceof ComputingLayerWriter);
    }

    /** Whether the forward pass takes the training flag (dropout). */
    boolean usesTrainingFlag() {
        return false;
    }

    /** Whether the backward pass produces an input gradient (every layer but embedding). */
    boolean hasInputGradient() {
        return true;
    }

    /**
     * Whether the layer's code uses the class's {@code SPECIES} and {@code LANES} constants (the
     * Vector API's preferred float species), which {@link ModelClassWriter} then declares once.
     */
    boolean usesVectorSpecies() {
        return false;
    }

    /** Fields beyond parameters and the per-batch output and gradient buffers. */
    List<FieldSpec> fields() {
        return List.of();
    }

    /** Statements of {@code ensureCapacity(batch)} that size this layer's own per-batch buffers. */
    void allocate(CodeBlock.Builder code) {}

    /**
     * Statements of both constructors, after the parameter fields are set: fields that need the
     * parameters (a normalization's statistics over its moving arrays).
     */
    void initialize(CodeBlock.Builder code) {}

    /** Methods the passes call, e.g. to copy weights into rows. */
    List<MethodSpec> helperMethods() {
        return List.of();
    }

    /** The layer's passes in the order they are emitted: forward (if any), then backward. */
    abstract List<MethodSpec> passes();

    abstract MethodSpec backward();

    /** The layer's row of the summary table: type and main options. */
    abstract String describe();

    final String backwardName() {
        return prefix + "Backward";
    }

    /** The buffer holding this layer's outputs for the current batch. */
    final String outputBuffer() {
        return prefix + "Out";
    }

    /** The buffer receiving d(loss)/d(input {@code slot} of this layer). */
    final String inputGradientBuffer(int slot) {
        return arity() == 1 ? prefix + "InGrad" : prefix + "InGrad" + slot;
    }

    /** A backward-pass method skeleton with its Javadoc. */
    protected final MethodSpec.Builder backwardMethod() {
        MethodSpec.Builder m = MethodSpec.methodBuilder(backwardName())
                .addModifiers(Modifier.PRIVATE)
                .addJavadoc(
                        "Backward pass of $L: from d(loss)/dy to its parameter gradients$L.\n",
                        JavaNames.commentText(layer.name()),
                        hasInputGradient() ? " and dx" : "");
        for (int slot = 0; slot < arity(); slot++) {
            m.addParameter(FLOATS, inputParameter(slot));
        }
        m.addParameter(FLOATS, "y").addParameter(FLOATS, "dy");
        if (hasInputGradient()) {
            for (int slot = 0; slot < arity(); slot++) {
                m.addParameter(FLOATS, inputGradientParameter(slot));
            }
        }
        return m.addParameter(TypeName.INT, "batch");
    }

    /** {@code private final float[] name = new float[size];} */
    protected static FieldSpec scratch(String name, int size) {
        return FieldSpec.builder(FLOATS, name, Modifier.PRIVATE, Modifier.FINAL)
                .initializer("new float[$L]", size)
                .build();
    }

    /** {@code private final float[][] name = new float[rows][columns];} */
    protected static FieldSpec rows(String name, int rows, int columns) {
        return FieldSpec.builder(FLOAT_ROWS, name, Modifier.PRIVATE, Modifier.FINAL)
                .initializer("new float[$L][$L]", rows, columns)
                .build();
    }

    /** {@code private float[] name = new float[0];}, sized per batch in {@code ensureCapacity}. */
    protected static FieldSpec batchBuffer(TypeName type, String name) {
        return FieldSpec.builder(type, name, Modifier.PRIVATE)
                .initializer(type.equals(INTS) ? "new int[0]" : "new float[0]")
                .build();
    }

    /**
     * Copies a flat {@code (rows, columns)} array ({@code source}, e.g. a parameter's {@code value()})
     * into row arrays. Emits:
     *
     * <pre>{@code
     * float[] w = conv1Kernel.value();
     * for (int r = 0; r < 90; r++) {
     *     System.arraycopy(w, r * 100, conv1KernelRows[r], 0, 100);
     * }
     * }</pre>
     */
    protected static void copyIntoRows(CodeBlock.Builder code, String source, String rowsField, int rows, int columns) {
        code.addStatement("float[] w = $L", source);
        code.beginControlFlow("for (int r = 0; r < $L; r++)", rows);
        code.addStatement("System.arraycopy(w, $L, $L[r], 0, $L)", Expressions.times("r", columns), rowsField, columns);
        code.endControlFlow();
    }

    /**
     * Copies a flat {@code (groups, rows, columns)} parameter into transposed rows {@code t[g *
     * columns + c][r]}, so that input gradients are axpy loops instead of dot products.
     */
    protected static void copyIntoTransposedRows(
            CodeBlock.Builder code, String parameterField, String rowsField, int groups, int rows, int columns) {
        code.addStatement("float[] w = $L.value()", parameterField);
        if (groups > 1) {
            code.beginControlFlow("for (int g = 0; g < $L; g++)", groups);
        }
        code.beginControlFlow("for (int r = 0; r < $L; r++)", rows);
        String group = groups > 1 ? "g" : "0";
        code.addStatement(
                "int wo = $L",
                Expressions.sum(Expressions.times(group, rows * columns), Expressions.times("r", columns)));
        code.beginControlFlow("for (int c = 0; c < $L; c++)", columns);
        code.addStatement("$L[$L][r] = w[wo + c]", rowsField, Expressions.sum(Expressions.times(group, columns), "c"));
        code.endControlFlow();
        code.endControlFlow();
        if (groups > 1) {
            code.endControlFlow();
        }
    }

    /** Copies row arrays back into a flat parameter gradient. */
    protected static void copyRowsInto(
            CodeBlock.Builder code, String rowsField, String parameterField, int rows, int columns) {
        code.addStatement("float[] gk = $L.gradient()", parameterField);
        code.beginControlFlow("for (int r = 0; r < $L; r++)", rows);
        code.addStatement(
                "System.arraycopy($L[r], 0, gk, $L, $L)", rowsField, Expressions.times("r", columns), columns);
        code.endControlFlow();
    }

    /** Zeroes every row of a row array. */
    protected static void zeroRows(CodeBlock.Builder code, String rowsField) {
        code.beginControlFlow("for (float[] r : $L)", rowsField);
        code.addStatement("$T.fill(r, 0f)", ARRAYS);
        code.endControlFlow();
    }

    /** Fields listed in order, for subclasses. */
    protected static List<FieldSpec> list(FieldSpec... fields) {
        List<FieldSpec> result = new ArrayList<>();
        for (FieldSpec f : fields) {
            if (f != null) {
                result.add(f);
            }
        }
        return result;
    }
}
