package dev.lamina.compiler.codegen;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.Shape;

/**
 * {@code global_max_pooling1d} / {@code global_average_pooling1d}: (steps, channels) to
 * (channels). Steps run in the outer loop so the channel loop reads consecutive values.
 */
final class GlobalPooling1DWriter extends PoolingWriter {
    private final LayerSpec.GlobalPooling1D pool;
    private final int steps;
    private final int channels;

    GlobalPooling1DWriter(LayerSpec.GlobalPooling1D pool, String prefix, Shape in, Shape out) {
        super(pool, pool.kind(), prefix, in, out);
        this.pool = pool;
        this.steps = in.dim(0);
        this.channels = in.dim(1);
    }

    @Override
    String describe() {
        return pool.typeName();
    }

    /**
     * Max: starts from step 0 and keeps the first maximum and its index (the last NaN when there is
     * one, so NaN propagates like in Keras). Average:
     *
     * <pre>{@code
     * for (int t = 0; t < 100; t++) {
     *     for (int c = 0; c < 160; c++) y[yb + c] += x[xb + t * 160 + c];
     * }
     * for (int c = 0; c < 160; c++) y[yb + c] /= 100;
     * }</pre>
     */
    @Override
    MethodSpec forward() {
        CodeBlock.Builder code = CodeBlock.builder();
        argmaxLocal(code);
        beginExampleLoop(code);
        code.beginControlFlow("for (int c = 0; c < $L; c++)", channels);
        code.addStatement("y[yb + c] = x[xb + c]");
        if (isMax()) {
            code.addStatement("argmax[yb + c] = xb + c");
        }
        code.endControlFlow();
        code.beginControlFlow("for (int t = 1; t < $L; t++)", steps);
        code.addStatement("int xo = xb + $L", Expressions.times("t", channels));
        code.beginControlFlow("for (int c = 0; c < $L; c++)", channels);
        if (isMax()) {
            code.beginControlFlow("if (x[xo + c] > y[yb + c] || Float.isNaN(x[xo + c]))");
            code.addStatement("y[yb + c] = x[xo + c]");
            code.addStatement("argmax[yb + c] = xo + c");
            code.endControlFlow();
        } else {
            code.addStatement("y[yb + c] += x[xo + c]");
        }
        code.endControlFlow();
        code.endControlFlow();
        if (!isMax()) {
            code.beginControlFlow("for (int c = 0; c < $L; c++)", channels);
            code.addStatement("y[yb + c] /= $L", steps);
            code.endControlFlow();
        }
        code.endControlFlow();
        return forwardMethod().addCode(code.build()).build();
    }

    /** Max: {@code dx[argmax[i]] += dy[i]}. Average: {@code dy / steps} to every step. */
    @Override
    MethodSpec backward() {
        if (isMax()) {
            return argmaxBackward();
        }
        CodeBlock.Builder code = CodeBlock.builder();
        beginExampleLoop(code);
        code.beginControlFlow("for (int t = 0; t < $L; t++)", steps);
        code.addStatement("int xo = xb + $L", Expressions.times("t", channels));
        code.beginControlFlow("for (int c = 0; c < $L; c++)", channels);
        code.addStatement("dx[xo + c] = dy[yb + c] / $L", steps);
        code.endControlFlow();
        code.endControlFlow();
        code.endControlFlow();
        return backwardMethod().addCode(code.build()).build();
    }
}
