package dev.lamina.compiler.codegen;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.Shape;

/** {@code repeat_vector}: (features) to (n, features); the gradient sums the n copies. */
final class RepeatVectorWriter extends ComputingLayerWriter {
    private final int n;
    private final int features;

    RepeatVectorWriter(LayerSpec.RepeatVector repeat, String prefix, Shape in, Shape out) {
        super(repeat, prefix, in, out);
        this.n = repeat.n();
        this.features = in.dim(0);
    }

    @Override
    String describe() {
        return "repeat_vector " + n;
    }

    /** Emits {@code System.arraycopy(x, b * F, y, (b * n + r) * F, F)} for each copy. */
    @Override
    MethodSpec forward() {
        CodeBlock.Builder code = CodeBlock.builder();
        code.beginControlFlow("for (int b = 0; b < batch; b++)");
        code.beginControlFlow("for (int r = 0; r < $L; r++)", n);
        code.addStatement(
                "System.arraycopy(x, $L, y, $L, $L)",
                Expressions.times("b", features),
                Expressions.sum(Expressions.times("b", n * features), Expressions.times("r", features)),
                features);
        code.endControlFlow();
        code.endControlFlow();
        return forwardMethod().addCode(code.build()).build();
    }

    /** Emits {@code dx[b * F + f] = sum over r of dy[(b * n + r) * F + f]}. */
    @Override
    MethodSpec backward() {
        CodeBlock.Builder code = CodeBlock.builder();
        code.beginControlFlow("for (int b = 0; b < batch; b++)");
        code.addStatement("int xo = $L", Expressions.times("b", features));
        code.addStatement("int yo = $L", Expressions.times("b", n * features));
        code.addStatement("System.arraycopy(dy, yo, dx, xo, $L)", features);
        code.beginControlFlow("for (int r = 1; r < $L; r++)", n);
        code.addStatement("int ro = yo + $L", Expressions.times("r", features));
        code.beginControlFlow("for (int f = 0; f < $L; f++)", features);
        code.addStatement("dx[xo + f] += dy[ro + f]");
        code.endControlFlow();
        code.endControlFlow();
        code.endControlFlow();
        return backwardMethod().addCode(code.build()).build();
    }
}
