package dev.lamina.compiler.codegen;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.Shape;

/** {@code up_sampling1d}: each step repeated {@code size} times in place; the gradient sums the copies. */
final class UpSampling1DWriter extends ComputingLayerWriter {
    private final int size;
    private final int channels;
    private final int steps;

    UpSampling1DWriter(LayerSpec.UpSampling1D upSampling, String prefix, Shape in, Shape out) {
        super(upSampling, prefix, in, out);
        this.size = upSampling.size();
        this.channels = in.dim(1);
        this.steps = in.dim(0);
    }

    @Override
    String describe() {
        return "up_sampling1d " + size;
    }

    /** Emits {@code System.arraycopy(x, t * C, y, (t * size + r) * C, C)} for each step and copy. */
    @Override
    MethodSpec forward() {
        CodeBlock.Builder code = CodeBlock.builder();
        code.beginControlFlow("for (int t = 0; t < $L; t++)", Expressions.times("batch", steps));
        code.beginControlFlow("for (int r = 0; r < $L; r++)", size);
        code.addStatement(
                "System.arraycopy(x, $L, y, $L, $L)",
                Expressions.times("t", channels),
                Expressions.sum(Expressions.times("t", size * channels), Expressions.times("r", channels)),
                channels);
        code.endControlFlow();
        code.endControlFlow();
        return forwardMethod().addCode(code.build()).build();
    }

    /** Emits {@code dx[t * C + c] = sum over r of dy[(t * size + r) * C + c]}. */
    @Override
    MethodSpec backward() {
        CodeBlock.Builder code = CodeBlock.builder();
        code.beginControlFlow("for (int t = 0; t < $L; t++)", Expressions.times("batch", steps));
        code.addStatement("int xo = $L", Expressions.times("t", channels));
        code.addStatement("int yo = $L", Expressions.times("t", size * channels));
        code.addStatement("System.arraycopy(dy, yo, dx, xo, $L)", channels);
        code.beginControlFlow("for (int r = 1; r < $L; r++)", size);
        code.addStatement("int ro = yo + $L", Expressions.times("r", channels));
        code.beginControlFlow("for (int c = 0; c < $L; c++)", channels);
        code.addStatement("dx[xo + c] += dy[ro + c]");
        code.endControlFlow();
        code.endControlFlow();
        code.endControlFlow();
        return backwardMethod().addCode(code.build()).build();
    }
}
