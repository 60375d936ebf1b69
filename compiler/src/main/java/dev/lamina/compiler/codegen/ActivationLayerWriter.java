package dev.lamina.compiler.codegen;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import dev.lamina.runtime.spec.Activation;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.Shape;
import java.util.List;

/**
 * {@code activation}: element-wise, or per row of the last axis for softmax. The layer's input is
 * its pre-activation, so no extra buffer is kept.
 */
final class ActivationLayerWriter extends ComputingLayerWriter {
    private final Activation activation;
    private final int rowLength;

    ActivationLayerWriter(LayerSpec.ActivationLayer layer, String prefix, Shape in, Shape out) {
        super(layer, prefix, in, out);
        this.activation = layer.activation();
        this.rowLength = in.last();
    }

    @Override
    String describe() {
        return "activation " + activation.kerasName();
    }

    @Override
    List<FieldSpec> fields() {
        return activation == Activation.SOFTMAX
                ? List.of(scratch(prefix + "Acc", rowLength), scratch(prefix + "Row", rowLength))
                : List.of();
    }

    /** Emits {@code y[i] = act(x[i])}, or a softmax per row of the last axis. */
    @Override
    MethodSpec forward() {
        CodeBlock.Builder code = CodeBlock.builder();
        if (activation == Activation.SOFTMAX) {
            code.addStatement("float[] acc = $L", prefix + "Acc");
            code.beginControlFlow("for (int r = 0; r < $L; r++)", Expressions.times("batch", inSize() / rowLength));
            code.addStatement("int o = $L", Expressions.times("r", rowLength));
            code.addStatement("System.arraycopy(x, o, acc, 0, $L)", rowLength);
            ActivationCode.applyRow(code, activation, "acc", "y", "o", null, rowLength);
            code.endControlFlow();
        } else {
            code.beginControlFlow("for (int i = 0; i < $L; i++)", Expressions.times("batch", inSize()));
            code.addStatement("y[i] = $L", ActivationCode.apply(activation, "x[i]"));
            code.endControlFlow();
        }
        return forwardMethod().addCode(code.build()).build();
    }

    /** Emits {@code dx[i] = dy[i] * act'(x[i])}, or the softmax row gradient. */
    @Override
    MethodSpec backward() {
        CodeBlock.Builder code = CodeBlock.builder();
        if (activation == Activation.SOFTMAX) {
            code.addStatement("float[] row = $L", prefix + "Row");
            code.beginControlFlow("for (int r = 0; r < $L; r++)", Expressions.times("batch", inSize() / rowLength));
            code.addStatement("int o = $L", Expressions.times("r", rowLength));
            ActivationCode.gradientRow(code, activation, "row", "dy", "y", null, "o", rowLength);
            code.addStatement("System.arraycopy(row, 0, dx, o, $L)", rowLength);
            code.endControlFlow();
        } else {
            code.beginControlFlow("for (int i = 0; i < $L; i++)", Expressions.times("batch", inSize()));
            code.addStatement("dx[i] = $L", ActivationCode.gradient(activation, "dy[i]", "y[i]", "x[i]"));
            code.endControlFlow();
        }
        return backwardMethod().addCode(code.build()).build();
    }
}
