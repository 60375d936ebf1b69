package dev.lamina.compiler.codegen;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.Shape;

/**
 * {@code max_pooling1d} / {@code average_pooling1d}. Interior windows use the constant range
 * {@code [0, pool)}; padded edge windows compute their real range once per step. Max pooling keeps
 * the index of each maximum (the first one on ties, the last NaN when there is one, so NaN
 * propagates like in Keras) for the backward pass; same-padded averages divide by the number of
 * real steps.
 */
final class Pooling1DWriter extends PoolingWriter {
    private final LayerSpec.Pooling1D pool;
    private final int steps;
    private final int channels;
    private final int outSteps;
    private final Window window;

    Pooling1DWriter(LayerSpec.Pooling1D pool, String prefix, Shape in, Shape out) {
        super(pool, pool.kind(), prefix, in, out);
        this.pool = pool;
        this.steps = in.dim(0);
        this.channels = in.dim(1);
        this.outSteps = out.dim(0);
        this.window = Window.of(steps, outSteps, pool.poolSize(), pool.strides(), 1, pool.padding());
    }

    @Override
    String describe() {
        return pool.typeName() + " " + pool.poolSize() + ", stride " + pool.strides() + ", "
                + pool.padding().kerasName();
    }

    /**
     * Emits, per output step and channel, for max pooling:
     *
     * <pre>{@code
     * int best = xb + (t * 3 + kLo) * C + c;
     * float m = x[best];
     * for (int k = kLo + 1; k < kHi; k++) {
     *     int i = xb + (t * 3 + k) * C + c;
     *     if (x[i] > m || Float.isNaN(x[i])) { m = x[i]; best = i; }
     * }
     * y[yo + c] = m;
     * argmax[yo + c] = best;
     * }</pre>
     */
    @Override
    MethodSpec forward() {
        CodeBlock.Builder code = CodeBlock.builder();
        argmaxLocal(code);
        beginExampleLoop(code);
        window.forEachStep(code, (body, kLo, kHi) -> {
            body.addStatement("int yo = $L", Expressions.sum("yb", Expressions.times("t", channels)));
            body.beginControlFlow("for (int c = 0; c < $L; c++)", channels);
            if (isMax()) {
                body.addStatement("int best = xb + $L + c", Expressions.scaled(window.inputStep("t", kLo), channels));
                body.addStatement("float m = x[best]");
                body.beginControlFlow("for (int k = $L; k < $L; k++)", Expressions.plus(kLo, 1), kHi);
                body.addStatement("int i = xb + $L + c", Expressions.scaled(window.inputStep("t", "k"), channels));
                body.beginControlFlow("if (x[i] > m || Float.isNaN(x[i]))");
                body.addStatement("m = x[i]");
                body.addStatement("best = i");
                body.endControlFlow();
                body.endControlFlow();
                body.addStatement("y[yo + c] = m");
                body.addStatement("argmax[yo + c] = best");
            } else {
                body.addStatement("float s = 0f");
                body.beginControlFlow("for (int k = $L; k < $L; k++)", kLo, kHi);
                body.addStatement("s += x[xb + $L + c]", Expressions.scaled(window.inputStep("t", "k"), channels));
                body.endControlFlow();
                body.addStatement("y[yo + c] = s / $L", kLo.equals("0") ? kHi : "(kHi - kLo)");
            }
            body.endControlFlow();
        });
        code.endControlFlow();
        return forwardMethod().addCode(code.build()).build();
    }

    /**
     * Max: {@code dx[argmax[i]] += dy[i]}. Average: each output's gradient divided by its window's
     * real count, added to every step of the window.
     */
    @Override
    MethodSpec backward() {
        if (isMax()) {
            return argmaxBackward();
        }
        CodeBlock.Builder code = CodeBlock.builder();
        code.addStatement("$T.fill(dx, 0, $L, 0f)", ARRAYS, Expressions.times("batch", inSize()));
        beginExampleLoop(code);
        window.forEachStep(code, (body, kLo, kHi) -> {
            body.addStatement("int yo = $L", Expressions.sum("yb", Expressions.times("t", channels)));
            body.beginControlFlow("for (int c = 0; c < $L; c++)", channels);
            body.addStatement("float g = dy[yo + c] / $L", kLo.equals("0") ? kHi : "(kHi - kLo)");
            body.beginControlFlow("for (int k = $L; k < $L; k++)", kLo, kHi);
            body.addStatement("dx[xb + $L + c] += g", Expressions.scaled(window.inputStep("t", "k"), channels));
            body.endControlFlow();
            body.endControlFlow();
        });
        code.endControlFlow();
        return backwardMethod().addCode(code.build()).build();
    }
}
