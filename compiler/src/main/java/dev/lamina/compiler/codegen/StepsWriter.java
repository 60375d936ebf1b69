package dev.lamina.compiler.codegen;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.Shape;

/**
 * {@code zero_padding1d} and {@code cropping1d}: output step {@code t} is input step {@code t -
 * offset} (the left padding, or minus the left cropping), zero outside the input. Each pass copies
 * one run of the shared steps per example and zeroes the rest of its target.
 */
final class StepsWriter extends ComputingLayerWriter {
    private final int offset;
    private final String description;
    private final int channels;
    private final int inSteps;
    private final int outSteps;

    StepsWriter(LayerSpec.ZeroPadding1D padding, String prefix, Shape in, Shape out) {
        this(
                padding,
                padding.left(),
                "zero_padding1d [" + padding.left() + ", " + padding.right() + "]",
                prefix,
                in,
                out);
    }

    StepsWriter(LayerSpec.Cropping1D cropping, String prefix, Shape in, Shape out) {
        this(
                cropping,
                -cropping.left(),
                "cropping1d [" + cropping.left() + ", " + cropping.right() + "]",
                prefix,
                in,
                out);
    }

    private StepsWriter(LayerSpec layer, int offset, String description, String prefix, Shape in, Shape out) {
        super(layer, prefix, in, out);
        this.offset = offset;
        this.description = description;
        this.channels = in.dim(1);
        this.inSteps = in.dim(0);
        this.outSteps = out.dim(0);
    }

    @Override
    String describe() {
        return description;
    }

    /** The first input step both tensors share. */
    private int first() {
        return Math.max(0, -offset);
    }

    /** The number of values of the shared steps of one example. */
    private int shared() {
        return (Math.min(inSteps, outSteps - offset) - first()) * channels;
    }

    /**
     * Emits, per example (zero padding of 2 then 3 around 10 steps of 4 channels):
     *
     * <pre>{@code
     * Arrays.fill(y, b * 60, b * 60 + 8, 0f);
     * System.arraycopy(x, b * 40, y, b * 60 + 8, 40);
     * Arrays.fill(y, b * 60 + 48, b * 60 + 60, 0f);
     * }</pre>
     */
    @Override
    MethodSpec forward() {
        CodeBlock.Builder code = CodeBlock.builder();
        copy(code, "x", inSize(), first() * channels, "y", outSize(), (first() + offset) * channels);
        return forwardMethod().addCode(code.build()).build();
    }

    /** The forward copy reversed: the shared steps of {@code dy} into {@code dx}, zeros elsewhere. */
    @Override
    MethodSpec backward() {
        CodeBlock.Builder code = CodeBlock.builder();
        copy(code, "dy", outSize(), (first() + offset) * channels, "dx", inSize(), first() * channels);
        return backwardMethod().addCode(code.build()).build();
    }

    private void copy(
            CodeBlock.Builder code, String from, int fromSize, int fromStart, String to, int toSize, int toStart) {
        code.beginControlFlow("for (int b = 0; b < batch; b++)");
        code.addStatement("int fo = $L", Expressions.times("b", fromSize));
        code.addStatement("int to = $L", Expressions.times("b", toSize));
        if (toStart > 0) {
            code.addStatement("$T.fill($L, to, $L, 0f)", ARRAYS, to, Expressions.plus("to", toStart));
        }
        code.addStatement(
                "System.arraycopy($L, $L, $L, $L, $L)",
                from,
                Expressions.plus("fo", fromStart),
                to,
                Expressions.plus("to", toStart),
                shared());
        int end = toStart + shared();
        if (end < toSize) {
            code.addStatement(
                    "$T.fill($L, $L, $L, 0f)", ARRAYS, to, Expressions.plus("to", end), Expressions.plus("to", toSize));
        }
        code.endControlFlow();
    }
}
