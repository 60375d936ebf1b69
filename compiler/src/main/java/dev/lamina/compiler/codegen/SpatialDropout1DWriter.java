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
 * {@code spatial_dropout1d}, inverted: in training each channel of each example is kept for every
 * step with probability {@code 1 - rate} and scaled by {@code 1 / (1 - rate)} (one draw per example
 * and channel, in that order, as in the interpreter); otherwise the identity.
 */
final class SpatialDropout1DWriter extends ComputingLayerWriter {
    private final LayerSpec.SpatialDropout1D dropout;
    private final int steps;
    private final int channels;

    SpatialDropout1DWriter(LayerSpec.SpatialDropout1D dropout, String prefix, Shape in, Shape out) {
        super(dropout, prefix, in, out);
        this.dropout = dropout;
        this.steps = in.dim(0);
        this.channels = in.dim(1);
    }

    @Override
    String describe() {
        return "spatial_dropout1d " + dropout.rate();
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
        code.addStatement("$L = new float[$L]", mask(), Expressions.times("batch", channels));
    }

    /** Draws one mask value per example and channel, then {@code y = x * mask} over the steps. */
    @Override
    MethodSpec forward() {
        CodeBlock.Builder code = CodeBlock.builder();
        if (dropout.rate() <= 0) {
            code.addStatement("$L = false", dropped());
            code.addStatement("System.arraycopy(x, 0, y, 0, $L)", Expressions.times("batch", inSize()));
            return forwardMethod().addCode(code.build()).build();
        }
        code.addStatement("$L = training", dropped());
        code.beginControlFlow("if (!training)");
        code.addStatement("System.arraycopy(x, 0, y, 0, $L)", Expressions.times("batch", inSize()));
        code.addStatement("return");
        code.endControlFlow();
        code.addStatement("float[] mask = $L", mask());
        code.addStatement("$T random = dropoutRandom()", java.util.SplittableRandom.class);
        code.beginControlFlow("for (int i = 0; i < $L; i++)", Expressions.times("batch", channels));
        code.addStatement(
                "mask[i] = random.nextDouble() >= $L ? $Lf : 0f",
                Double.toString(dropout.rate()),
                Float.toString((float) (1 / (1 - dropout.rate()))));
        code.endControlFlow();
        applyMask(code, "x", "y");
        return forwardMethod().addCode(code.build()).build();
    }

    /** {@code dx = dy * mask} over the steps, or a copy when the last pass did not drop. */
    @Override
    MethodSpec backward() {
        CodeBlock.Builder code = CodeBlock.builder();
        code.beginControlFlow("if (!$L)", dropped());
        code.addStatement("System.arraycopy(dy, 0, dx, 0, $L)", Expressions.times("batch", inSize()));
        code.addStatement("return");
        code.endControlFlow();
        code.addStatement("float[] mask = $L", mask());
        applyMask(code, "dy", "dx");
        return backwardMethod().addCode(code.build()).build();
    }

    private void applyMask(CodeBlock.Builder code, String from, String to) {
        code.beginControlFlow("for (int b = 0; b < batch; b++)");
        code.addStatement("int mo = $L", Expressions.times("b", channels));
        code.beginControlFlow("for (int t = 0; t < $L; t++)", steps);
        code.addStatement(
                "int o = $L",
                Expressions.sum(Expressions.times("b", steps * channels), Expressions.times("t", channels)));
        code.beginControlFlow("for (int c = 0; c < $L; c++)", channels);
        code.addStatement("$L[o + c] = $L[o + c] * mask[mo + c]", to, from);
        code.endControlFlow();
        code.endControlFlow();
        code.endControlFlow();
    }
}
