package dev.lamina.compiler.codegen;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.Shape;
import java.util.List;

/**
 * {@code conv1d} on the Vector API ({@link Backend#VECTOR}). A padded layer first copies each
 * example into a zero-padded row {@code <prefix>Padded}, so every kernel sees a valid convolution
 * with no edge cases. The forward pass is a {@link VectorKernels.Product} of blocks of output steps
 * with the Keras kernel {@code W[k][c][f]} as it is (contiguous over filters; with dilation 1 the
 * taps and channels of one output step are one contiguous run of the input). Backward: the bias
 * gradient sums the gradient rows, the kernel gradient is a {@link VectorGradientKernels.WeightGradient},
 * and the input gradient is, for stride 1, the full correlation of the gradient rows (kept between
 * {@code (K - 1) * dilation} zero rows on each side) with the kernel flipped and transposed to
 * {@code Wt[K - 1 - k][f][c]}, again a product; for larger strides one product per tap adds into a
 * padded input-gradient row.
 */
final class VectorConv1DWriter extends KernelLayerWriter {
    private final LayerSpec.Conv1D conv;
    private final int steps;
    private final int channels;
    private final int filters;
    private final int outSteps;
    private final int taps;
    private final int stride;
    private final int dilation;
    private final int padLeft;
    private final boolean padded;
    /** Zero gradient rows kept on each side of the gradient rows for the full correlation. */
    private final int gradientPad;

    VectorConv1DWriter(LayerSpec.Conv1D conv, String prefix, Shape in, Shape out) {
        super(conv, prefix, in, out, conv.activation(), conv.useBias(), conv.filters());
        this.conv = conv;
        this.steps = in.dim(0);
        this.channels = in.dim(1);
        this.filters = conv.filters();
        this.outSteps = out.dim(0);
        this.taps = conv.kernelSize();
        this.stride = conv.strides();
        this.dilation = conv.dilationRate();
        this.padLeft = Window.of(steps, outSteps, taps, stride, dilation, conv.padding())
                .padLeft();
        this.padded = paddedSteps() != steps;
        this.gradientPad = stride == 1 ? (taps - 1) * dilation : 0;
    }

    /** Input steps with the padding: enough for the last window, at least the real steps. */
    private int paddedSteps() {
        return Math.max(padLeft + steps, (outSteps - 1) * stride + conv.effectiveKernel());
    }

    @Override
    String describe() {
        return "conv1d " + filters + " filters, kernel " + taps + ", stride " + stride + ", "
                + conv.padding().kerasName() + (dilation > 1 ? ", dilation " + dilation : "") + ", "
                + activation().kerasName() + ", vector";
    }

    @Override
    boolean usesVectorSpecies() {
        return true;
    }

    @Override
    Shape kernelShape() {
        return Shape.of(taps, channels, filters);
    }

    private String paddedInput() {
        return prefix + "Padded";
    }

    private String gradientRows() {
        return prefix + "Grad";
    }

    private String paddedInputGradient() {
        return prefix + "InGradPadded";
    }

    private String kernelT() {
        return prefix + "KernelT";
    }

    @Override
    List<FieldSpec> fields() {
        return list(
                keepsPre() ? batchBuffer(FLOATS, pre()) : null,
                padded ? scratch(paddedInput(), paddedSteps() * channels) : null,
                scratch(gradientRows(), (outSteps + 2 * gradientPad) * filters),
                stride > 1 ? scratch(paddedInputGradient(), paddedSteps() * channels) : null,
                scratch(kernelT(), taps * filters * channels),
                needsAccumulatorRow() ? scratch(prefix + "Acc", filters) : null);
    }

    /**
     * Taps and channels of one output step: with dilation 1 they are one run of {@code K * C}
     * values, else {@code K} groups of {@code C} values {@code dilation * C} apart.
     */
    private VectorKernels.Product forwardProduct() {
        return VectorKernels.Product.forward(
                folding() ? prefix + "Folded" : prefix,
                dilation == 1 ? taps * channels : channels,
                dilation == 1 ? 1 : taps,
                dilation * channels,
                stride * channels,
                filters,
                conv.useBias(),
                activation(),
                folding());
    }

    /**
     * Whether the input gradient is {@link VectorKernels.Dot} products of {@code K * F} gradient
     * values with rows {@code wd[c][K - 1 - k][f]}: stride 1 and dilation 1 with fewer than {@link
     * VectorKernels#DOT_WIDTH} channels, too few to fill vectors.
     */
    private boolean dotInputGradient() {
        return stride == 1 && dilation == 1 && channels < VectorKernels.DOT_WIDTH;
    }

    private VectorKernels.RowKernel inputGradientKernel() {
        if (dotInputGradient()) {
            return new VectorKernels.Dot(prefix + "InputGradient", taps * filters, filters, channels, channels);
        }
        return inputGradientProduct();
    }

    /** Stride 1: the full correlation of the padded gradient rows with {@code Wt[K - 1 - k][f][c]}. */
    private VectorKernels.Product inputGradientProduct() {
        if (stride == 1) {
            return VectorKernels.Product.inputGradient(
                    prefix,
                    dilation == 1 ? taps * filters : filters,
                    dilation == 1 ? 1 : taps,
                    dilation * filters,
                    filters,
                    channels,
                    channels,
                    false);
        }
        return VectorKernels.Product.inputGradient(prefix, filters, 1, 0, filters, channels, stride * channels, true);
    }

    private VectorGradientKernels.WeightGradient kernelGradient() {
        return new VectorGradientKernels.WeightGradient(
                prefix + "KernelGradient",
                dilation == 1 ? taps * channels : channels,
                dilation == 1 ? 1 : taps,
                dilation * channels,
                stride * channels,
                filters);
    }

    /** The folded pass's forward kernels. */
    @Override
    List<MethodSpec> foldedKernelMethods() {
        return VectorKernels.forwardKernels(
                forwardProduct(), "Folded forward kernel of " + JavaNames.commentText(layer.name()));
    }

    @Override
    List<MethodSpec> helperMethods() {
        String pack = prefix + "PackKernelTransposed";
        return VectorKernels.layerKernels(
                layer.name(),
                dotInputGradient()
                        ? VectorPacking.packFlippedByChannel(
                                pack, kernel(), kernelT(), taps, channels, filters, layer.name())
                        : VectorPacking.packTransposed(
                                pack, kernel(), kernelT(), taps, channels, filters, stride == 1, layer.name()),
                forwardProduct(),
                kernelGradient(),
                inputGradientKernel(),
                conv.useBias() ? prefix + "BiasGradient" : null,
                filters);
    }

    /** The input a kernel reads for example {@code b}: the padded row, or {@code x} at {@code xb}. */
    private void padExample(CodeBlock.Builder code) {
        if (padded) {
            code.addStatement("System.arraycopy(x, xb, xp, $L, $L)", padLeft * channels, steps * channels);
        }
    }

    private String input() {
        return padded ? "xp" : "x";
    }

    private String inputBase() {
        return padded ? "0" : "xb";
    }

    /**
     * Emits, per example: the copy into the padded row (padded layers only), the kernels over the
     * output steps, and the activation of the stored rows unless relu or linear was fused:
     *
     * <pre>{@code
     * for (int b = 0; b < batch; b++) {
     *     int xb = b * 1152;
     *     int yb = b * 11900;
     *     int t = 0;
     *     for (; t <= 119 - 6; t += 6) {
     *         conv1ForwardRows6(x, xb + t * 9, w, bias, y, yb + t * 100);
     *     }
     *     for (; t < 119; t++) {
     *         conv1ForwardRows1(x, xb + t * 9, w, bias, y, yb + t * 100);
     *     }
     * }
     * }</pre>
     */
    @Override
    MethodSpec forward() {
        CodeBlock.Builder code = CodeBlock.builder();
        kernelLocal(code);
        valueLocals(code);
        if (padded) {
            code.addStatement("float[] xp = $L", paddedInput());
        }
        if (!VectorActivations.fused(activation())) {
            code.addStatement("float[] acc = $L", prefix + "Acc");
        }
        beginExampleLoop(code);
        padExample(code);
        VectorKernels.rows(code, forwardProduct(), Integer.toString(outSteps), input(), inputBase(), "w", "y", "yb");
        VectorActivations.applyRows(code, activation(), Integer.toString(outSteps), "yb", filters, preTarget());
        code.endControlFlow();
        return forwardMethod().addCode(code.build()).build();
    }

    /**
     * Emits, per example: the gradient rows {@code g = dy * act'} (between the zero rows of the full
     * correlation), the bias gradient, the kernel gradient and the input gradient:
     *
     * <pre>{@code
     * for (int b = 0; b < batch; b++) {
     *     int xb = b * 1152;
     *     int yb = b * 11900;
     *     // relu gradient of 11900 values into g from 900
     *     conv1BiasGradient(g, 900, 119, gb);
     *     conv1KernelGradient(x, xb, g, 900, 119, gk);
     *     int t = 0;
     *     for (; t <= 128 - 3; t += 3) {
     *         conv1InputGradientRows3(g, t * 100, wt, dx, xb + t * 9);
     *     }
     *     // ... then one step at a time
     * }
     * }</pre>
     */
    @Override
    MethodSpec backward() {
        CodeBlock.Builder code = CodeBlock.builder();
        code.addStatement("$L()", prefix + "PackKernelTransposed");
        code.addStatement("float[] wt = $L", kernelT());
        code.addStatement("float[] gk = $L.gradient()", kernel());
        gradientLocals(code);
        code.addStatement("float[] g = $L", gradientRows());
        if (padded) {
            code.addStatement("float[] xp = $L", paddedInput());
        }
        if (stride > 1) {
            code.addStatement("float[] dxp = $L", paddedInputGradient());
        }
        if (!VectorActivations.fused(conv.activation())) {
            code.addStatement("float[] acc = $L", prefix + "Acc");
        }
        beginExampleLoop(code);
        padExample(code);
        String rowsStart = Integer.toString(gradientPad * filters);
        String outRows = Integer.toString(outSteps);
        VectorActivations.gradientRows(code, conv.activation(), outRows, "yb", rowsStart, filters);
        if (conv.useBias()) {
            code.addStatement("$L(g, $L, $L, gb)", prefix + "BiasGradient", rowsStart, outRows);
        }
        code.addStatement(
                "$L($L, $L, g, $L, $L, gk)", prefix + "KernelGradient", input(), inputBase(), rowsStart, outRows);
        if (stride == 1) {
            VectorKernels.rows(
                    code,
                    inputGradientKernel(),
                    Integer.toString(steps),
                    "g",
                    Integer.toString(padLeft * filters),
                    "wt",
                    "dx",
                    "xb");
        } else {
            code.addStatement("$T.fill(dxp, 0f)", ARRAYS);
            code.beginControlFlow("for (int k = 0; k < $L; k++)", taps);
            VectorKernels.rows(
                    code,
                    inputGradientProduct(),
                    outRows,
                    "g",
                    "0",
                    "wt, " + Expressions.times("k", filters * channels),
                    "dxp",
                    Expressions.times("k", dilation * channels));
            code.endControlFlow();
            code.addStatement("System.arraycopy(dxp, $L, dx, xb, $L)", padLeft * channels, steps * channels);
        }
        code.endControlFlow();
        return backwardMethod().addCode(code.build()).build();
    }
}
