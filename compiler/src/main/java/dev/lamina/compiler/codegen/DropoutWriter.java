package dev.lamina.compiler.codegen;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.Shape;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * {@code dropout}, inverted: in training each value is kept with probability {@code 1 - rate}
 * and scaled by {@code 1 / (1 - rate)}; otherwise the identity. The mask of the last training pass
 * drives the backward pass.
 */
final class DropoutWriter extends ComputingLayerWriter {
    private final LayerSpec.Dropout dropout;

    DropoutWriter(LayerSpec.Dropout dropout, String prefix, Shape in, Shape out) {
        super(dropout, prefix, in, out);
        this.dropout = dropout;
    }

    @Override
    String describe() {
        return "dropout " + dropout.rate();
    }

    @Override
    boolean usesTrainingFlag() {
        return true;
    }

    private String mask() {
        return prefix + "Mask";
    }

    private String dropped() {
        return prefix + "Dropped";
    }

    @Override
    List<FieldSpec> fields() {
        return List.of(
                batchBuffer(FLOATS, mask()),
                FieldSpec.builder(TypeName.BOOLEAN, dropped(), Modifier.PRIVATE).build());
    }

    @Override
    void allocate(CodeBlock.Builder code) {
        code.addStatement("$L = new float[batch * $L]", mask(), outSize());
    }

    /**
     * Emits:
     *
     * <pre>{@code
     * for (int i = 0; i < n; i++) {
     *     mask[i] = random.nextDouble() >= 0.5 ? 2.0f : 0f;
     *     y[i] = x[i] * mask[i];
     * }
     * }</pre>
     */
    @Override
    MethodSpec forward() {
        CodeBlock.Builder code = CodeBlock.builder();
        code.addStatement("$L = training", dropped());
        code.beginControlFlow("if (!training)");
        code.addStatement("System.arraycopy(x, 0, y, 0, $L)", Expressions.times("batch", inSize()));
        code.addStatement("return");
        code.endControlFlow();
        code.addStatement("float[] mask = $L", mask());
        code.addStatement("$T random = dropoutRandom()", java.util.SplittableRandom.class);
        code.beginControlFlow("for (int i = 0; i < $L; i++)", Expressions.times("batch", inSize()));
        code.addStatement(
                "mask[i] = random.nextDouble() >= $L ? $Lf : 0f",
                Double.toString(dropout.rate()),
                Float.toString((float) (1 / (1 - dropout.rate()))));
        code.addStatement("y[i] = x[i] * mask[i]");
        code.endControlFlow();
        return forwardMethod().addCode(code.build()).build();
    }

    /** Emits {@code dx[i] = dy[i] * mask[i]}, or a copy when the last pass did not drop. */
    @Override
    MethodSpec backward() {
        CodeBlock.Builder code = CodeBlock.builder();
        code.beginControlFlow("if (!$L)", dropped());
        code.addStatement("System.arraycopy(dy, 0, dx, 0, $L)", Expressions.times("batch", inSize()));
        code.addStatement("return");
        code.endControlFlow();
        code.addStatement("float[] mask = $L", mask());
        code.beginControlFlow("for (int i = 0; i < $L; i++)", Expressions.times("batch", inSize()));
        code.addStatement("dx[i] = dy[i] * mask[i]");
        code.endControlFlow();
        return backwardMethod().addCode(code.build()).build();
    }
}
