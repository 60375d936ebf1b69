package dev.lamina.compiler.codegen;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import dev.lamina.runtime.Initializer;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.Shape;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * {@code dense} on the last axis: each row of {@code in.last()} features becomes {@code units}
 * outputs. The kernel is kept as rows {@code w[i][u]} and each output row accumulates in {@code
 * acc[u]} (same-index axpy, vectorized by C2); the input gradient uses transposed rows {@code
 * wt[u][i]}.
 */
final class DenseWriter extends ComputingLayerWriter {
    private final LayerSpec.Dense dense;
    private final int features;
    private final int units;
    private final int rowsPerExample;

    DenseWriter(LayerSpec.Dense dense, String prefix, Shape in, Shape out) {
        super(dense, prefix, in, out);
        this.dense = dense;
        this.features = in.last();
        this.units = dense.units();
        this.rowsPerExample = in.size() / features;
    }

    @Override
    String describe() {
        return "dense " + units + " units, " + dense.activation().kerasName();
    }

    private String kernel() {
        return prefix + "Kernel";
    }

    private String bias() {
        return prefix + "Bias";
    }

    private String pre() {
        return prefix + "Pre";
    }

    private boolean keepsPre() {
        return ActivationCode.needsPreActivation(dense.activation());
    }

    @Override
    List<ParameterDecl> parameters() {
        List<ParameterDecl> params = new ArrayList<>();
        params.add(new ParameterDecl("kernel", Shape.of(features, units), Initializer.GLOROT_UNIFORM, kernel()));
        if (dense.useBias()) {
            params.add(new ParameterDecl("bias", Shape.of(units), Initializer.ZEROS, bias()));
        }
        return params;
    }

    @Override
    List<FieldSpec> fields() {
        return list(
                keepsPre() ? batchBuffer(FLOATS, pre()) : null,
                rows(prefix + "KernelRows", features, units),
                rows(prefix + "KernelRowsT", units, features),
                rows(prefix + "KernelGradRows", features, units),
                scratch(prefix + "Acc", units),
                scratch(prefix + "Row", units),
                scratch(prefix + "InGradRow", features));
    }

    @Override
    void allocate(CodeBlock.Builder code) {
        if (keepsPre()) {
            code.addStatement("$L = new float[batch * $L]", pre(), outSize());
        }
    }

    @Override
    List<MethodSpec> helperMethods() {
        CodeBlock.Builder pack = CodeBlock.builder();
        copyIntoRows(pack, kernel(), prefix + "KernelRows", features, units);
        CodeBlock.Builder packTransposed = CodeBlock.builder();
        copyIntoTransposedRows(packTransposed, kernel(), prefix + "KernelRowsT", 1, features, units);
        return List.of(
                MethodSpec.methodBuilder(prefix + "PackKernel")
                        .addModifiers(Modifier.PRIVATE)
                        .addJavadoc(
                                "Copies $L's kernel into rows {@code [i][u]}.\n", JavaNames.commentText(layer.name()))
                        .addCode(pack.build())
                        .build(),
                MethodSpec.methodBuilder(prefix + "PackKernelTransposed")
                        .addModifiers(Modifier.PRIVATE)
                        .addJavadoc(
                                "Copies $L's kernel into transposed rows {@code [u][i]}.\n",
                                JavaNames.commentText(layer.name()))
                        .addCode(packTransposed.build())
                        .build());
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
        code.addStatement("$L()", prefix + "PackKernel");
        code.addStatement("float[][] w = $L", prefix + "KernelRows");
        code.addStatement("float[] acc = $L", prefix + "Acc");
        if (dense.useBias()) {
            code.addStatement("float[] bias = $L.value()", bias());
        }
        if (keepsPre()) {
            code.addStatement("float[] pre = $L", pre());
        }
        code.beginControlFlow("for (int r = 0; r < $L; r++)", Expressions.times("batch", rowsPerExample));
        code.addStatement("int xo = $L", Expressions.times("r", features));
        code.addStatement("int yo = $L", Expressions.times("r", units));
        if (dense.useBias()) {
            code.addStatement("System.arraycopy(bias, 0, acc, 0, $L)", units);
        } else {
            code.addStatement("$T.fill(acc, 0f)", ARRAYS);
        }
        code.beginControlFlow("for (int i = 0; i < $L; i++)", features);
        code.addStatement("float xv = x[xo + i]");
        code.addStatement("float[] wr = w[i]");
        code.beginControlFlow("for (int f = 0; f < $L; f++)", units);
        code.addStatement("acc[f] += xv * wr[f]");
        code.endControlFlow();
        code.endControlFlow();
        ActivationCode.applyRow(code, dense.activation(), "acc", "y", "yo", "pre", units);
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
        code.addStatement("$L()", prefix + "PackKernelTransposed");
        code.addStatement("float[][] gw = $L", prefix + "KernelGradRows");
        code.addStatement("float[][] wt = $L", prefix + "KernelRowsT");
        code.addStatement("float[] row = $L", prefix + "Row");
        code.addStatement("float[] dxr = $L", prefix + "InGradRow");
        if (dense.useBias()) {
            code.addStatement("float[] gb = $L.gradient()", bias());
        }
        if (keepsPre()) {
            code.addStatement("float[] pre = $L", pre());
        }
        zeroRows(code, "gw");
        code.beginControlFlow("for (int r = 0; r < $L; r++)", Expressions.times("batch", rowsPerExample));
        code.addStatement("int xo = $L", Expressions.times("r", features));
        code.addStatement("int yo = $L", Expressions.times("r", units));
        ActivationCode.gradientRow(code, dense.activation(), "row", "dy", "y", "pre", "yo", units);
        if (dense.useBias()) {
            code.beginControlFlow("for (int f = 0; f < $L; f++)", units);
            code.addStatement("gb[f] += row[f]");
            code.endControlFlow();
        }
        code.beginControlFlow("for (int i = 0; i < $L; i++)", features);
        code.addStatement("float xv = x[xo + i]");
        code.addStatement("float[] g = gw[i]");
        code.beginControlFlow("for (int f = 0; f < $L; f++)", units);
        code.addStatement("g[f] += xv * row[f]");
        code.endControlFlow();
        code.endControlFlow();
        code.addStatement("$T.fill(dxr, 0f)", ARRAYS);
        code.beginControlFlow("for (int f = 0; f < $L; f++)", units);
        code.addStatement("float rv = row[f]");
        code.addStatement("float[] wtr = wt[f]");
        code.beginControlFlow("for (int i = 0; i < $L; i++)", features);
        code.addStatement("dxr[i] += rv * wtr[i]");
        code.endControlFlow();
        code.endControlFlow();
        code.addStatement("System.arraycopy(dxr, 0, dx, xo, $L)", features);
        code.endControlFlow();
        copyRowsInto(code, "gw", kernel(), features, units);
        return backwardMethod().addCode(code.build()).build();
    }
}
