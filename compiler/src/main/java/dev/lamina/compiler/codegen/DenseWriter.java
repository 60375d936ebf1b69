package dev.lamina.compiler.codegen;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.Shape;
import java.util.List;

/**
 * {@code dense} on the last axis: each row of {@code in.last()} features becomes {@code units}
 * outputs. The kernel is kept as rows {@code w[i][u]} and each output row accumulates in {@code
 * acc[u]} (same-index axpy, vectorized by C2); the input gradient uses transposed rows {@code
 * wt[u][i]}.
 */
final class DenseWriter extends KernelLayerWriter {
    private final LayerSpec.Dense dense;
    private final int features;
    private final int units;
    private final int rowsPerExample;

    DenseWriter(LayerSpec.Dense dense, String prefix, Shape in, Shape out) {
        super(dense, prefix, in, out, dense.activation(), dense.useBias(), dense.units());
        this.dense = dense;
        this.features = in.last();
        this.units = dense.units();
        this.rowsPerExample = in.size() / features;
    }

    @Override
    String describe() {
        return "dense " + units + " units, " + activation().kerasName();
    }

    @Override
    Shape kernelShape() {
        return Shape.of(features, units);
    }

    @Override
    List<FieldSpec> fields() {
        return list(
                keepsPre() ? batchBuffer(FLOATS, pre()) : null,
                rows(kernelRows(), features, units),
                rows(kernelRowsT(), units, features),
                rows(gradRows(), features, units),
                scratch(prefix + "Acc", units),
                scratch(prefix + "Row", units),
                scratch(prefix + "InGradRow", features));
    }

    @Override
    List<MethodSpec> helperMethods() {
        return packMethods(1, features, "[i][u]", "[u][i]");
    }

    /**
     * Emits, per row of features:
     *
     * <pre>{@code
     * System.arraycopy(bias, 0, acc, 0, 6);
     * for (int i = 0; i < 100; i++) {
     *     float xv = x[xo + i];
     *     float[] wr = w[i];
     *     for (int f = 0; f < 6; f++) {
     *         acc[f] += xv * wr[f];
     *     }
     * }
     * // then the activation row into y
     * }</pre>
     */
    @Override
    MethodSpec forward() {
        CodeBlock.Builder code = CodeBlock.builder();
        rowForwardLocals(code);
        beginRowLoop(code);
        resetAccumulator(code);
        RowLoops.addScaledRows(
                code,
                "acc",
                "f",
                units,
                "i",
                features,
                new RowLoops.Operand("x", "xo", "xv", "x"),
                new RowLoops.Operand("w", "0", "wr", "w"),
                1);
        foldRow(code, "acc");
        ActivationCode.applyRow(code, activation(), "acc", "y", "yo", preTarget(), units);
        code.endControlFlow();
        return forwardMethod().addCode(code.build()).build();
    }

    /**
     * Emits, per row: the activation gradient into {@code row}, the bias gradient {@code gb[f] +=
     * row[f]}, the kernel gradient {@code g[f] += xv * row[f]} over rows {@code gw[i]}, and the input
     * gradient {@code dxr[i] += row[f] * wt[f][i]}.
     */
    @Override
    MethodSpec backward() {
        CodeBlock.Builder code = CodeBlock.builder();
        rowBackwardLocals(code);
        code.addStatement("float[] row = $L", prefix + "Row");
        code.addStatement("float[] dxr = $L", prefix + "InGradRow");
        gradientLocals(code);
        zeroRows(code, "gw");
        beginRowLoop(code);
        ActivationCode.gradientRow(code, dense.activation(), "row", "dy", "y", "pre", "yo", units);
        biasGradient(code);
        code.beginControlFlow("for (int i = 0; i < $L; i++)", features);
        code.addStatement("float xv = x[xo + i]");
        code.addStatement("float[] g = gw[i]");
        RowLoops.axpy(code, "f", "g", "xv", "row", units);
        code.endControlFlow();
        code.addStatement("$T.fill(dxr, 0f)", ARRAYS);
        RowLoops.addScaledRows(
                code,
                "dxr",
                "i",
                features,
                "f",
                units,
                new RowLoops.Operand("row", "0", "rv", "rf"),
                new RowLoops.Operand("wt", "0", "wtr", "wt"),
                1);
        code.addStatement("System.arraycopy(dxr, 0, dx, xo, $L)", features);
        code.endControlFlow();
        copyRowsInto(code, "gw", kernel(), features, units);
        return backwardMethod().addCode(code.build()).build();
    }

    /** {@code for (int r = 0; r < batch * rows; r++) { int xo = r * features; int yo = r * units;} (left open). */
    private void beginRowLoop(CodeBlock.Builder code) {
        code.beginControlFlow("for (int r = 0; r < $L; r++)", Expressions.times("batch", rowsPerExample));
        code.addStatement("int xo = $L", Expressions.times("r", features));
        code.addStatement("int yo = $L", Expressions.times("r", units));
    }
}
