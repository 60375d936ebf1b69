package dev.lamina.compiler.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * A channels_first conv1d or pooling layer: the writer of its channels_last twin (scalar or
 * vector, members prefixed {@code <prefix>Cl}) between a transpose of the input from {@code
 * (channels, steps)} to {@code (steps, channels)} and one of the output back, through {@code
 * Layouts.transpose}, the interpreter's own routine. A global pooling's output has no steps: the
 * twin writes it directly. Backward runs the same transposes on the gradients.
 *
 * <pre>{@code
 * private void convForward(float[] x, float[] y, int batch) {
 *     Layouts.transpose(x, convClX, batch, 3, 16);        // (3, 16) -> (16, 3)
 *     convClForward(convClX, convClOut, batch);
 *     Layouts.transpose(convClOut, y, batch, 15, 4);      // (15, 4) -> (4, 15)
 * }
 * }</pre>
 */
final class ChannelsFirstWriter extends ComputingLayerWriter {
    static final ClassName LAYOUTS = ClassName.get("dev.lamina.runtime.math", "Layouts");

    private final ComputingLayerWriter twin;
    private final Shape twinIn;
    private final Shape twinOut;

    /** {@code twin} writes {@code layer.channelsLast()} with the prefix {@link #twinPrefix}. */
    ChannelsFirstWriter(LayerSpec.SequenceLayer layer, String prefix, Shape in, Shape out, ComputingLayerWriter twin) {
        super(layer, prefix, in, out);
        this.twin = twin;
        this.twinIn = twin.in;
        this.twinOut = twin.out;
    }

    /** The prefix of the twin's members: distinct from every other layer's (see {@code JavaNames}). */
    static String twinPrefix(String prefix) {
        return prefix + "Cl";
    }

    private boolean transposesOutput() {
        return out.rank() == 2;
    }

    private String input() {
        return twinPrefix(prefix) + "X";
    }

    private String outputGradient() {
        return twinPrefix(prefix) + "Dy";
    }

    @Override
    List<ParameterDecl> parameters() {
        return twin.parameters();
    }

    @Override
    boolean usesTrainingFlag() {
        return twin.usesTrainingFlag();
    }

    @Override
    boolean usesVectorSpecies() {
        return twin.usesVectorSpecies();
    }

    @Override
    List<FieldSpec> fields() {
        List<FieldSpec> fields = new ArrayList<>(twin.fields());
        fields.add(batchBuffer(FLOATS, input()));
        fields.add(batchBuffer(FLOATS, twin.inputGradientBuffer(0)));
        if (transposesOutput()) {
            fields.add(batchBuffer(FLOATS, twin.outputBuffer()));
            fields.add(batchBuffer(FLOATS, outputGradient()));
        }
        return fields;
    }

    @Override
    void allocate(CodeBlock.Builder code) {
        code.addStatement("$L = new float[$L]", input(), Expressions.times("batch", inSize()));
        code.addStatement("$L = new float[$L]", twin.inputGradientBuffer(0), Expressions.times("batch", inSize()));
        if (transposesOutput()) {
            code.addStatement("$L = new float[$L]", twin.outputBuffer(), Expressions.times("batch", outSize()));
            code.addStatement("$L = new float[$L]", outputGradient(), Expressions.times("batch", outSize()));
        }
        twin.allocate(code);
    }

    @Override
    List<MethodSpec> helperMethods() {
        List<MethodSpec> methods = new ArrayList<>(twin.helperMethods());
        methods.addAll(twin.passes());
        return methods;
    }

    @Override
    String describe() {
        return twin.describe() + ", channels_first";
    }

    @Override
    MethodSpec forward() {
        MethodSpec.Builder m = forwardMethod();
        m.addStatement("$T.transpose(x, $L, batch, $L, $L)", LAYOUTS, input(), twinIn.dim(1), twinIn.dim(0));
        String output = transposesOutput() ? twin.outputBuffer() : "y";
        m.addStatement(
                "$L($L, $L, batch$L)",
                twin.forwardName(),
                input(),
                output,
                twin.usesTrainingFlag() ? ", training" : "");
        if (transposesOutput()) {
            m.addStatement("$T.transpose($L, y, batch, $L, $L)", LAYOUTS, output, twinOut.dim(0), twinOut.dim(1));
        }
        return m.build();
    }

    @Override
    MethodSpec backward() {
        MethodSpec.Builder m = backwardMethod();
        String gradient = "dy";
        String output = "y";
        if (transposesOutput()) {
            gradient = outputGradient();
            output = twin.outputBuffer();
            m.addStatement("$T.transpose(dy, $L, batch, $L, $L)", LAYOUTS, gradient, twinOut.dim(1), twinOut.dim(0));
        }
        m.addStatement(
                "$L($L, $L, $L, $L, batch)",
                twin.backwardName(),
                input(),
                output,
                gradient,
                twin.inputGradientBuffer(0));
        m.addStatement(
                "$T.transpose($L, dx, batch, $L, $L)",
                LAYOUTS,
                twin.inputGradientBuffer(0),
                twinIn.dim(0),
                twinIn.dim(1));
        return m.build();
    }
}
