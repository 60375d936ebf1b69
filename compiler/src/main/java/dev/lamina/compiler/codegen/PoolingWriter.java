package dev.lamina.compiler.codegen;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.PoolKind;
import dev.lamina.runtime.spec.Shape;
import java.util.List;

/**
 * A max or average pooling layer: max pooling records the input index of each output in {@code
 * <prefix>Argmax} for the backward pass.
 */
abstract class PoolingWriter extends ComputingLayerWriter {
    private final PoolKind kind;

    PoolingWriter(LayerSpec layer, PoolKind kind, String prefix, Shape in, Shape out) {
        super(layer, prefix, in, out);
        this.kind = kind;
    }

    final boolean isMax() {
        return kind == PoolKind.MAX;
    }

    private String argmax() {
        return prefix + "Argmax";
    }

    @Override
    final List<FieldSpec> fields() {
        return isMax() ? List.of(batchBuffer(INTS, argmax())) : List.of();
    }

    @Override
    final void allocate(CodeBlock.Builder code) {
        if (isMax()) {
            code.addStatement("$L = new int[batch * $L]", argmax(), outSize());
        }
    }

    /** {@code int[] argmax = <prefix>Argmax;} for max pooling. */
    final void argmaxLocal(CodeBlock.Builder code) {
        if (isMax()) {
            code.addStatement("int[] argmax = $L", argmax());
        }
    }

    /**
     * The max-pooling backward pass: every output's gradient to the input it came from.
     *
     * <pre>{@code
     * Arrays.fill(dx, 0, batch * 160, 0f);
     * int[] argmax = poolArgmax;
     * for (int i = 0; i < batch * 16; i++) {
     *     dx[argmax[i]] += dy[i];
     * }
     * }</pre>
     */
    final MethodSpec argmaxBackward() {
        CodeBlock.Builder code = CodeBlock.builder();
        code.addStatement("$T.fill(dx, 0, $L, 0f)", ARRAYS, Expressions.times("batch", inSize()));
        argmaxLocal(code);
        code.beginControlFlow("for (int i = 0; i < $L; i++)", Expressions.times("batch", outSize()));
        code.addStatement("dx[argmax[i]] += dy[i]");
        code.endControlFlow();
        return backwardMethod().addCode(code.build()).build();
    }
}
