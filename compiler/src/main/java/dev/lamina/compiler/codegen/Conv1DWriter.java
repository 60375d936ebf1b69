package dev.lamina.compiler.codegen;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import dev.lamina.runtime.spec.Activation;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code conv1d}. Tiny layers (at most {@link #UNROLL_LIMIT} multiply-adds per example, no
 * softmax) become straight-line code on the flat Keras arrays. Larger layers keep the kernel as
 * rows {@code w[k * C + c][f]} and accumulate each output step in a row {@code acc[f]}, so the
 * inner loop {@code acc[f] += xv * w[f]} indexes both arrays alike and C2 vectorizes it; the input
 * gradient uses transposed rows {@code wt[k * F + f][c]} in the same axpy form.
 */
final class Conv1DWriter extends KernelLayerWriter {
    /** Multiply-adds per example up to which the layer is fully unrolled. */
    static final int UNROLL_LIMIT = 64;

    /** Channels folded into one pass over the accumulator row when the channel count allows. */
    static final int CHANNEL_BLOCK = 4;

    /** Interior output steps whose kernel-gradient updates share one pass over each gradient row. */
    static final int STEP_BLOCK = 4;

    private final LayerSpec.Conv1D conv;
    private final int steps;
    private final int channels;
    private final int filters;
    private final int outSteps;
    private final Window window;
    private final boolean unrolled;

    Conv1DWriter(LayerSpec.Conv1D conv, String prefix, Shape in, Shape out) {
        super(conv, prefix, in, out, conv.activation(), conv.useBias(), conv.filters());
        this.conv = conv;
        this.steps = in.dim(0);
        this.channels = in.dim(1);
        this.filters = conv.filters();
        this.outSteps = out.dim(0);
        this.window =
                Window.of(steps, outSteps, conv.kernelSize(), conv.strides(), conv.dilationRate(), conv.padding());
        long macs = (long) outSteps * conv.kernelSize() * channels * filters;
        this.unrolled = macs <= UNROLL_LIMIT && conv.activation() != Activation.SOFTMAX;
    }

    @Override
    String describe() {
        return "conv1d " + filters + " filters, kernel " + conv.kernelSize() + ", stride " + conv.strides() + ", "
                + conv.padding().kerasName() + (conv.dilationRate() > 1 ? ", dilation " + conv.dilationRate() : "")
                + ", " + activation().kerasName() + (unrolled ? ", unrolled" : "");
    }

    private String inGradRows() {
        return prefix + "InGradRows";
    }

    @Override
    Shape kernelShape() {
        return Shape.of(conv.kernelSize(), channels, filters);
    }

    @Override
    List<FieldSpec> fields() {
        int taps = conv.kernelSize();
        return list(
                keepsPre() ? batchBuffer(FLOATS, pre()) : null,
                unrolled ? null : rows(kernelRows(), taps * channels, filters),
                unrolled ? null : rows(kernelRowsT(), taps * filters, channels),
                unrolled ? null : rows(gradRows(), taps * channels, filters),
                unrolled ? null : rows(inGradRows(), steps, channels),
                unrolled ? null : scratch(prefix + "Acc", filters),
                unrolled ? null : rows(prefix + "StepRows", STEP_BLOCK, filters));
    }

    @Override
    List<MethodSpec> helperMethods() {
        if (unrolled) {
            return List.of();
        }
        return packMethods(
                conv.kernelSize(), channels, "[k * " + channels + " + c][f]", "[k * " + filters + " + f][c]");
    }

    @Override
    MethodSpec forward() {
        return unrolled ? unrolledForward() : loopForward();
    }

    @Override
    MethodSpec backward() {
        return unrolled ? unrolledBackward() : loopBackward();
    }

    /**
     * Emits, per output step:
     *
     * <pre>{@code
     * System.arraycopy(bias, 0, acc, 0, 100);
     * for (int k = 0; k < 10; k++) {
     *     int xo = xb + (t + k) * 9;
     *     for (int c = 0; c < 9; c++) {
     *         float xv = x[xo + c];
     *         float[] wr = w[k * 9 + c];
     *         for (int f = 0; f < 100; f++) {
     *             acc[f] += xv * wr[f];
     *         }
     *     }
     * }
     * // then the activation row into y
     * }</pre>
     */
    private MethodSpec loopForward() {
        CodeBlock.Builder code = CodeBlock.builder();
        rowForwardLocals(code);
        beginExampleLoop(code);
        window.forEachStep(code, (body, kLo, kHi) -> {
            resetAccumulator(body);
            body.beginControlFlow("for (int k = $L; k < $L; k++)", kLo, kHi);
            body.addStatement("int xo = xb + $L", Expressions.scaled(window.inputStep("t", "k"), channels));
            if (channels == 1) {
                body.addStatement("float xv = x[xo]");
                body.addStatement("float[] wr = w[k]");
                RowLoops.axpy(body, "f", "acc", "xv", "wr", filters);
            } else {
                RowLoops.addScaledRows(
                        body,
                        "acc",
                        "f",
                        filters,
                        "c",
                        channels,
                        new RowLoops.Operand("x", "xo", "xv", "x"),
                        new RowLoops.Operand("w", Expressions.times("k", channels), "wr", "w"),
                        channels % CHANNEL_BLOCK == 0 ? CHANNEL_BLOCK : 1);
            }
            body.endControlFlow();
            foldRow(body, "acc");
            ActivationCode.applyRow(
                    body,
                    activation(),
                    "acc",
                    "y",
                    Expressions.sum("yb", Expressions.times("t", filters)),
                    preTarget(),
                    filters);
        });
        code.endControlFlow();
        return forwardMethod().addCode(code.build()).build();
    }

    /**
     * Emits, per output step: the activation gradient into {@code row}, then
     *
     * <pre>{@code
     * for (int f = 0; f < 100; f++) gb[f] += row[f];
     * for (int k = 0; k < 10; k++) {
     *     // kernel gradient: g[f] += xv * row[f] over rows gw[k * C + c]
     *     // input gradient: dxi[c] += row[f] * wt[k * F + f][c]
     * }
     * }</pre>
     */
    private MethodSpec loopBackward() {
        CodeBlock.Builder code = CodeBlock.builder();
        rowBackwardLocals(code);
        code.addStatement("float[][] dxRows = $L", inGradRows());
        code.addStatement("float[][] stepRows = $L", prefix + "StepRows");
        gradientLocals(code);
        zeroRows(code, "gw");
        beginExampleLoop(code);
        zeroRows(code, "dxRows");
        for (Window.Segment segment : window.segments()) {
            int blockedEnd = segment.from() + (segment.to() - segment.from()) / STEP_BLOCK * STEP_BLOCK;
            if (segment.interior() && blockedEnd > segment.from()) {
                blockedSteps(code, segment.from(), blockedEnd);
                if (blockedEnd < segment.to()) {
                    window.emitSteps(code, blockedEnd, segment.to(), true, this::singleStep);
                }
            } else {
                window.emitSteps(code, segment.from(), segment.to(), segment.interior(), this::singleStep);
            }
        }
        code.beginControlFlow("for (int ti = 0; ti < $L; ti++)", steps);
        code.addStatement(
                "System.arraycopy(dxRows[ti], 0, dx, xb + $L, $L)", Expressions.times("ti", channels), channels);
        code.endControlFlow();
        code.endControlFlow();
        copyRowsInto(code, "gw", kernel(), conv.kernelSize() * channels, filters);
        return backwardMethod().addCode(code.build()).build();
    }

    /**
     * {@link #STEP_BLOCK} interior output steps at once, so the kernel gradient makes one pass over
     * each row {@code gw[k * C + c]} for four steps:
     *
     * <pre>{@code
     * for (int f = 0; f < 100; f++) {
     *     g[f] += x0 * r0[f] + x1 * r1[f] + x2 * r2[f] + x3 * r3[f];
     * }
     * }</pre>
     */
    private void blockedSteps(CodeBlock.Builder code, int from, int to) {
        code.add("// output steps [$L, $L): interior, $L at a time\n", from, to, STEP_BLOCK);
        code.beginControlFlow("for (int t = $L; t < $L; t += $L)", from, to, STEP_BLOCK);
        code.beginControlFlow("for (int j = 0; j < $L; j++)", STEP_BLOCK);
        code.addStatement("float[] row = stepRows[j]");
        outputGradientRow(code, Expressions.sum("yb", Expressions.times("(t + j)", filters)));
        code.endControlFlow();
        StringBuilder sum = new StringBuilder();
        for (int j = 0; j < STEP_BLOCK; j++) {
            code.addStatement("float[] r$L = stepRows[$L]", j, j);
            sum.append(j == 0 ? "" : " + ")
                    .append("x")
                    .append(j)
                    .append(" * r")
                    .append(j)
                    .append("[f]");
        }
        code.beginControlFlow("for (int k = 0; k < $L; k++)", conv.kernelSize());
        code.addStatement("int ti = $L", window.inputStep("t", "k"));
        code.addStatement("int xo = xb + $L", Expressions.times("ti", channels));
        code.beginControlFlow("for (int c = 0; c < $L; c++)", channels);
        code.addStatement("float[] g = gw[$L]", Expressions.sum(Expressions.times("k", channels), "c"));
        for (int j = 0; j < STEP_BLOCK; j++) {
            code.addStatement(
                    "float x$L = x[$L]",
                    j,
                    Expressions.sum("xo", Integer.toString(j * conv.strides() * channels), "c"));
        }
        code.beginControlFlow("for (int f = 0; f < $L; f++)", filters);
        code.addStatement("g[f] += $L", sum);
        code.endControlFlow();
        code.endControlFlow();
        code.beginControlFlow("for (int j = 0; j < $L; j++)", STEP_BLOCK);
        code.addStatement("float[] row = stepRows[j]");
        code.addStatement("float[] dxi = dxRows[$L]", Expressions.sum("ti", Expressions.times("j", conv.strides())));
        inputGradient(code);
        code.endControlFlow();
        code.endControlFlow();
        code.endControlFlow();
    }

    /** One output step: its gradient row, the kernel gradient and the input gradient. */
    private void singleStep(CodeBlock.Builder body, String kLo, String kHi) {
        body.addStatement("float[] row = stepRows[0]");
        outputGradientRow(body, Expressions.sum("yb", Expressions.times("t", filters)));
        body.beginControlFlow("for (int k = $L; k < $L; k++)", kLo, kHi);
        body.addStatement("int ti = $L", window.inputStep("t", "k"));
        body.addStatement("int xo = xb + $L", Expressions.times("ti", channels));
        body.beginControlFlow("for (int c = 0; c < $L; c++)", channels);
        body.addStatement("float xv = x[xo + c]");
        body.addStatement("float[] g = gw[$L]", Expressions.sum(Expressions.times("k", channels), "c"));
        RowLoops.axpy(body, "f", "g", "xv", "row", filters);
        body.endControlFlow();
        body.addStatement("float[] dxi = dxRows[ti]");
        inputGradient(body);
        body.endControlFlow();
    }

    /** {@code row[f] = dy * act'} for the output step at {@code offset}, and the bias gradient. */
    private void outputGradientRow(CodeBlock.Builder code, String offset) {
        ActivationCode.gradientRow(code, conv.activation(), "row", "dy", "y", "pre", offset, filters);
        biasGradient(code);
    }

    /**
     * {@code dxi[c] += row[f] * wt[k * F + f][c]} over the filters, {@link #CHANNEL_BLOCK} filters
     * per pass over {@code dxi} when the filter count allows.
     */
    private void inputGradient(CodeBlock.Builder body) {
        RowLoops.addScaledRows(
                body,
                "dxi",
                "c",
                channels,
                "f",
                filters,
                new RowLoops.Operand("row", "0", "rv", "rf"),
                new RowLoops.Operand("wt", Expressions.times("k", filters), "wtr", "wt"),
                filters % CHANNEL_BLOCK == 0 ? CHANNEL_BLOCK : 1);
    }

    /**
     * Straight-line code, one statement per output value. For the seed toy (4 steps, 1 channel,
     * kernel 2, no bias):
     *
     * <pre>{@code
     * y[yb] = x[xb] * w[0] + x[xb + 1] * w[1];
     * y[yb + 1] = x[xb + 1] * w[0] + x[xb + 2] * w[1];
     * y[yb + 2] = x[xb + 2] * w[0] + x[xb + 3] * w[1];
     * }</pre>
     */
    private MethodSpec unrolledForward() {
        CodeBlock.Builder code = CodeBlock.builder();
        kernelLocal(code);
        valueLocals(code);
        beginExampleLoop(code);
        for (int t = 0; t < outSteps; t++) {
            int[] taps = window.tapRange(t);
            for (int f = 0; f < filters; f++) {
                List<String> terms = new ArrayList<>();
                if (conv.useBias()) {
                    terms.add("bias[" + f + "]");
                }
                for (int k = taps[0]; k < taps[1]; k++) {
                    for (int c = 0; c < channels; c++) {
                        int xi = window.inputStep(t, k) * channels + c;
                        int wi = (k * channels + c) * filters + f;
                        terms.add(Expressions.at("x", "xb", xi) + " * w[" + wi + "]");
                    }
                }
                String sum = terms.isEmpty() ? "0f" : String.join(" + ", terms);
                if (folding()) {
                    sum = "(" + sum + ") * scale[" + f + "] + shift[" + f + "]";
                }
                String yi = Expressions.at("y", "yb", t * filters + f);
                if (preTarget() != null) {
                    String pi = Expressions.at("pre", "yb", t * filters + f);
                    code.addStatement("$L = $L", pi, sum);
                    code.addStatement("$L = $L", yi, ActivationCode.apply(activation(), pi));
                } else {
                    code.addStatement("$L = $L", yi, ActivationCode.apply(activation(), sum));
                }
            }
        }
        code.endControlFlow();
        return forwardMethod().addCode(code.build()).build();
    }

    /**
     * Straight-line code, per output value: {@code g = dy * act'}, then one kernel-gradient and one
     * input-gradient statement per tap, e.g. {@code gw[1] += x[xb + 1] * g; dx[xb + 1] += g * w[1];}.
     */
    private MethodSpec unrolledBackward() {
        CodeBlock.Builder code = CodeBlock.builder();
        code.addStatement("float[] w = $L.value()", kernel());
        code.addStatement("float[] gw = $L.gradient()", kernel());
        gradientLocals(code);
        code.addStatement("$T.fill(dx, 0, $L, 0f)", ARRAYS, Expressions.times("batch", steps * channels));
        beginExampleLoop(code);
        code.addStatement("float g");
        for (int t = 0; t < outSteps; t++) {
            int[] taps = window.tapRange(t);
            for (int f = 0; f < filters; f++) {
                int yo = t * filters + f;
                code.addStatement(
                        "g = $L",
                        ActivationCode.gradient(
                                conv.activation(),
                                Expressions.at("dy", "yb", yo),
                                Expressions.at("y", "yb", yo),
                                Expressions.at("pre", "yb", yo)));
                if (conv.useBias()) {
                    code.addStatement("gb[$L] += g", f);
                }
                for (int k = taps[0]; k < taps[1]; k++) {
                    for (int c = 0; c < channels; c++) {
                        int xi = window.inputStep(t, k) * channels + c;
                        int wi = (k * channels + c) * filters + f;
                        code.addStatement("gw[$L] += $L * g", wi, Expressions.at("x", "xb", xi));
                        code.addStatement("$L += g * w[$L]", Expressions.at("dx", "xb", xi), wi);
                    }
                }
            }
        }
        code.endControlFlow();
        return backwardMethod().addCode(code.build()).build();
    }
}
