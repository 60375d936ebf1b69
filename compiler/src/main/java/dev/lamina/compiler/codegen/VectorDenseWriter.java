package dev.lamina.compiler.codegen;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.Shape;
import java.util.List;

/**
 * {@code dense} on the last axis on the Vector API ({@link Backend#VECTOR}): a kernel-size-1
 * convolution over the rows of all examples, so the {@link VectorKernels.Product} blocks rows
 * across examples. The backward pass works on chunks of {@link #CHUNK} rows: their gradient rows
 * {@code dy * act'}, the bias gradient, the kernel gradient ({@link VectorGradientKernels.WeightGradient})
 * and the input gradient (a product with the transposed kernel {@code Wt[u][i]}).
 */
final class VectorDenseWriter extends KernelLayerWriter {
    /** Rows whose gradient rows are kept at once in the backward pass. */
    static final int CHUNK = 64;

    private final LayerSpec.Dense dense;
    private final int features;
    private final int units;
    private final int rowsPerExample;

    VectorDenseWriter(LayerSpec.Dense dense, String prefix, Shape in, Shape out) {
        super(dense, prefix, in, out, dense.activation(), dense.useBias(), dense.units());
        this.dense = dense;
        this.features = in.last();
        this.units = dense.units();
        this.rowsPerExample = in.size() / features;
    }

    @Override
    String describe() {
        return "dense " + units + " units, " + activation().kerasName() + ", vector";
    }

    @Override
    boolean usesVectorSpecies() {
        return true;
    }

    @Override
    Shape kernelShape() {
        return Shape.of(features, units);
    }

    private String kernelT() {
        return prefix + "KernelT";
    }

    @Override
    List<FieldSpec> fields() {
        return list(
                keepsPre() ? batchBuffer(FLOATS, pre()) : null,
                scratch(prefix + "Grad", CHUNK * units),
                dotInputGradient() ? null : scratch(kernelT(), units * features),
                needsAccumulatorRow() ? scratch(prefix + "Acc", units) : null);
    }

    private VectorKernels.Product forwardProduct() {
        return VectorKernels.Product.forward(
                folding() ? prefix + "Folded" : prefix,
                features,
                1,
                0,
                features,
                units,
                dense.useBias(),
                activation(),
                folding());
    }

    /**
     * Whether the input gradient is {@link VectorKernels.Dot} products of gradient rows with the
     * kernel rows {@code W[i][u]} as they are: fewer than {@link VectorKernels#DOT_WIDTH} features.
     */
    private boolean dotInputGradient() {
        return features < VectorKernels.DOT_WIDTH;
    }

    private VectorKernels.RowKernel inputGradientKernel() {
        if (dotInputGradient()) {
            return new VectorKernels.Dot(prefix + "InputGradient", units, units, features, features);
        }
        return inputGradientProduct();
    }

    private VectorKernels.Product inputGradientProduct() {
        return VectorKernels.Product.inputGradient(prefix, units, 1, 0, units, features, features, false);
    }

    /** The folded pass's forward kernels. */
    @Override
    List<MethodSpec> foldedKernelMethods() {
        return VectorKernels.forwardKernels(
                forwardProduct(), "Folded forward kernel of " + JavaNames.commentText(layer.name()));
    }

    @Override
    List<MethodSpec> helperMethods() {
        return VectorKernels.layerKernels(
                layer.name(),
                dotInputGradient()
                        ? null
                        : VectorPacking.packTransposed(
                                prefix + "PackKernelTransposed",
                                kernel(),
                                kernelT(),
                                1,
                                features,
                                units,
                                false,
                                layer.name()),
                forwardProduct(),
                new VectorGradientKernels.WeightGradient(prefix + "KernelGradient", features, 1, 0, features, units),
                inputGradientKernel(),
                dense.useBias() ? prefix + "BiasGradient" : null,
                units);
    }

    private String rows() {
        return Expressions.times("batch", rowsPerExample);
    }

    /**
     * Emits the kernels over every row of the batch, then the activation of the stored rows unless
     * relu or linear was fused:
     *
     * <pre>{@code
     * int t = 0;
     * for (; t <= batch - 6; t += 6) {
     *     denseForwardRows6(x, t * 160, w, bias, y, t * 4);
     * }
     * for (; t < batch; t++) {
     *     denseForwardRows1(x, t * 160, w, bias, y, t * 4);
     * }
     * }</pre>
     */
    @Override
    MethodSpec forward() {
        CodeBlock.Builder code = CodeBlock.builder();
        kernelLocal(code);
        valueLocals(code);
        if (!VectorActivations.fused(activation())) {
            code.addStatement("float[] acc = $L", prefix + "Acc");
        }
        VectorKernels.rows(code, forwardProduct(), rows(), "x", "0", "w", "y", "0");
        VectorActivations.applyRows(code, activation(), rows(), "0", units, preTarget());
        return forwardMethod().addCode(code.build()).build();
    }

    /**
     * Emits, per chunk of at most {@link #CHUNK} rows: the gradient rows {@code g = dy * act'}, the
     * bias gradient, the kernel gradient and the input gradient:
     *
     * <pre>{@code
     * for (int r = 0; r < batch; r += 64) {
     *     int n = Math.min(64, batch - r);
     *     int xb = r * 160;
     *     int yb = r * 4;
     *     // gradient rows of n rows into g
     *     denseBiasGradient(g, 0, n, gb);
     *     denseKernelGradient(x, xb, g, 0, n, gk);
     *     // denseInputGradientRows6 / Rows1 over the n rows, from g into dx at xb
     * }
     * }</pre>
     */
    @Override
    MethodSpec backward() {
        CodeBlock.Builder code = CodeBlock.builder();
        if (dotInputGradient()) {
            code.addStatement("float[] w = $L.value()", kernel());
        } else {
            code.addStatement("$L()", prefix + "PackKernelTransposed");
            code.addStatement("float[] wt = $L", kernelT());
        }
        code.addStatement("float[] gk = $L.gradient()", kernel());
        gradientLocals(code);
        code.addStatement("float[] g = $L", prefix + "Grad");
        if (!VectorActivations.fused(dense.activation())) {
            code.addStatement("float[] acc = $L", prefix + "Acc");
        }
        code.beginControlFlow("for (int r = 0; r < $L; r += $L)", rows(), CHUNK);
        code.addStatement("int n = Math.min($L, $L - r)", CHUNK, rows());
        code.addStatement("int xb = $L", Expressions.times("r", features));
        code.addStatement("int yb = $L", Expressions.times("r", units));
        VectorActivations.gradientRows(code, dense.activation(), "n", "yb", "0", units);
        if (dense.useBias()) {
            code.addStatement("$L(g, 0, n, gb)", prefix + "BiasGradient");
        }
        code.addStatement("$L(x, xb, g, 0, n, gk)", prefix + "KernelGradient");
        VectorKernels.rows(code, inputGradientKernel(), "n", "g", "0", dotInputGradient() ? "w" : "wt", "dx", "xb");
        code.endControlFlow();
        return backwardMethod().addCode(code.build()).build();
    }
}
