package dev.lamina.compiler.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.lamina.runtime.Initializer;
import dev.lamina.runtime.spec.Activation;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.Shape;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * A layer with a kernel and an optional bias over {@code units} outputs (conv1d, dense): its
 * parameters, its pre-activation buffer, and the code both keep the kernel as row arrays with.
 *
 * <p>A batch normalization that directly follows the layer (and, optionally, the activation layer
 * after it) can be folded into it for inference ({@link #fold}): the class then has a second
 * forward pass, {@code <prefix>ForwardFolded}, the layer's own forward code generated again with
 * the normalization fused into the loop that stores each output, {@code y = act(z * scale[c] +
 * shift[c])} ({@code scale = gamma / sqrt(moving_variance + epsilon)}, {@code shift = beta -
 * moving_mean * scale}, computed from the live parameters at the start of each pass, O(channels))
 * and the activation of the activation layer, so a conv, its batch normalization and its relu cost
 * one conv with a fused relu. Training passes keep the layers apart.
 */
abstract class KernelLayerWriter extends ComputingLayerWriter {
    static final ClassName BATCH_STATISTICS = ClassName.get("dev.lamina.runtime", "BatchStatistics");

    /**
     * A batch normalization folded into this layer's inference pass: its writer's prefix, its
     * spec, and the activation applied after it (linear without an activation layer).
     */
    record Fold(String normalization, LayerSpec.BatchNormalization spec, Activation activation) {}

    private final Activation activation;
    private final boolean useBias;
    private final int units;
    private Fold fold;
    /** Whether the code being generated is the folded inference pass. */
    private boolean folding;

    KernelLayerWriter(
            LayerSpec layer, String prefix, Shape in, Shape out, Activation activation, boolean useBias, int units) {
        super(layer, prefix, in, out);
        this.activation = activation;
        this.useBias = useBias;
        this.units = units;
    }

    /** The kernel's Keras shape, its last axis the {@code units} outputs. */
    abstract Shape kernelShape();

    /** Folds a following batch normalization into this layer's inference pass. */
    final void fold(Fold fold) {
        if (activation != Activation.LINEAR || fold.activation() == Activation.SOFTMAX) {
            throw new IllegalArgumentException(layer.name() + ": only a linear layer folds a normalization"
                    + " followed by an element-wise activation");
        }
        this.fold = fold;
    }

    /** Whether a batch normalization is folded into the inference pass. */
    final boolean folds() {
        return fold != null;
    }

    /** The activation of the pass being generated: the layer's, or the folded activation layer's. */
    final Activation activation() {
        return folding ? fold.activation() : activation;
    }

    /** Whether the pass being generated is the folded inference pass. */
    final boolean folding() {
        return folding;
    }

    final String foldScale() {
        return prefix + "FoldScale";
    }

    final String foldShift() {
        return prefix + "FoldShift";
    }

    /**
     * Whether a row of pre-activations is needed as scratch ({@code <prefix>Acc}) by a vector pass:
     * its activation, or the folded one, is not fused into the kernels.
     */
    final boolean needsAccumulatorRow() {
        return !VectorActivations.fused(activation) || (fold != null && !VectorActivations.fused(fold.activation()));
    }

    /** The folded pass's scale and shift per output; none without a fold. */
    final List<com.palantir.javapoet.FieldSpec> foldFields() {
        if (fold == null) {
            return List.of();
        }
        return List.of(scratch(foldScale(), units), scratch(foldShift(), units));
    }

    /**
     * The folded inference pass and the method that computes the normalization's scale and shift,
     * {@code <prefix>FoldNormalization()}:
     *
     * <pre>{@code
     * BatchStatistics.foldScale(bnGamma.value(), bnMovingVariance.value(), 0.001, convFoldScale);
     * BatchStatistics.foldShift(bnMovingMean.value(), bnBeta.value(), convFoldScale, convFoldShift);
     * }</pre>
     */
    final List<MethodSpec> foldMethods() {
        if (fold == null) {
            return List.of();
        }
        String bn = fold.normalization();
        CodeBlock.Builder code = CodeBlock.builder();
        code.addStatement(
                "$T.foldScale($L, $L.value(), $L, $L)",
                BATCH_STATISTICS,
                fold.spec().scale() ? bn + "Gamma.value()" : "null",
                bn + "MovingVariance",
                Double.toString(fold.spec().epsilon()),
                foldScale());
        code.addStatement(
                "$T.foldShift($L.value(), $L, $L, $L)",
                BATCH_STATISTICS,
                bn + "MovingMean",
                fold.spec().center() ? bn + "Beta.value()" : "null",
                foldScale(),
                foldShift());
        MethodSpec foldNormalization = MethodSpec.methodBuilder(prefix + "FoldNormalization")
                .addModifiers(Modifier.PRIVATE)
                .addJavadoc(
                        "The inference of $L (moving statistics, gamma, beta) as a scale and shift per output of $L.\n",
                        JavaNames.commentText(fold.spec().name()),
                        JavaNames.commentText(layer.name()))
                .addCode(code.build())
                .build();
        folding = true;
        try {
            MethodSpec pass = forward();
            List<MethodSpec> methods = new ArrayList<>(foldedKernelMethods());
            methods.add(foldNormalization);
            methods.add(pass.toBuilder()
                    .setName(foldedForwardName())
                    .addJavadoc(
                            "\n<p>Inference with $L folded in$L: each output {@code z} stored as {@code z * scale +"
                                    + " shift} of {@code $L()}.\n",
                            JavaNames.commentText(fold.spec().name()),
                            fold.activation() == Activation.LINEAR
                                    ? ""
                                    : " and its " + fold.activation().kerasName() + " applied",
                            prefix + "FoldNormalization")
                    .build());
            return methods;
        } finally {
            folding = false;
        }
    }

    /**
     * In the folded pass, {@code acc[f] = acc[f] * scale[f] + shift[f]} over a row of outputs
     * before its activation; nothing otherwise.
     */
    final void foldRow(CodeBlock.Builder code, String acc) {
        if (folding) {
            code.beginControlFlow("for (int f = 0; f < $L; f++)", units);
            code.addStatement("$L[f] = $L[f] * scale[f] + shift[f]", acc, acc);
            code.endControlFlow();
        }
    }

    /** Kernels only the folded pass calls (generated in folding mode); none by default. */
    List<MethodSpec> foldedKernelMethods() {
        return List.of();
    }

    final String foldedForwardName() {
        return forwardName() + "Folded";
    }

    /** {@code float[] w = <prefix>Kernel.value();}. */
    final void kernelLocal(CodeBlock.Builder code) {
        code.addStatement("float[] w = $L.value()", kernel());
    }

    final String kernel() {
        return prefix + "Kernel";
    }

    final String bias() {
        return prefix + "Bias";
    }

    final String pre() {
        return prefix + "Pre";
    }

    final String kernelRows() {
        return prefix + "KernelRows";
    }

    final String kernelRowsT() {
        return prefix + "KernelRowsT";
    }

    final String gradRows() {
        return prefix + "KernelGradRows";
    }

    /** Whether the training pass keeps the pre-activation (its activation's derivative needs it). */
    final boolean keepsPre() {
        return ActivationCode.needsPreActivation(activation);
    }

    /** The pre-activation buffer the pass being generated writes, or null (none, or the folded pass). */
    final String preTarget() {
        return keepsPre() && !folding ? "pre" : null;
    }

    @Override
    final List<ParameterDecl> parameters() {
        List<ParameterDecl> params = new ArrayList<>();
        params.add(new ParameterDecl("kernel", kernelShape(), Initializer.GLOROT_UNIFORM, kernel()));
        if (useBias) {
            params.add(new ParameterDecl("bias", Shape.of(units), Initializer.ZEROS, bias()));
        }
        return params;
    }

    @Override
    final void allocate(CodeBlock.Builder code) {
        if (keepsPre()) {
            code.addStatement("$L = new float[batch * $L]", pre(), outSize());
        }
    }

    /**
     * {@code <prefix>PackKernel()} and {@code <prefix>PackKernelTransposed()}: copy a {@code (taps,
     * inputs, units)} kernel into rows {@code [k * inputs + i][u]} and transposed rows {@code [k *
     * units + u][i]}; {@code rowsLayout} and {@code transposedLayout} name those indices in the
     * Javadoc.
     */
    final List<MethodSpec> packMethods(int taps, int inputs, String rowsLayout, String transposedLayout) {
        CodeBlock.Builder pack = CodeBlock.builder();
        copyIntoRows(pack, kernel() + ".value()", kernelRows(), taps * inputs, units);
        CodeBlock.Builder packTransposed = CodeBlock.builder();
        copyIntoTransposedRows(packTransposed, kernel(), kernelRowsT(), taps, inputs, units);
        List<MethodSpec> methods = new ArrayList<>();
        methods.addAll(List.of(
                MethodSpec.methodBuilder(prefix + "PackKernel")
                        .addModifiers(Modifier.PRIVATE)
                        .addJavadoc(
                                "Copies $L's kernel into rows {@code $L}.\n",
                                JavaNames.commentText(layer.name()),
                                rowsLayout)
                        .addCode(pack.build())
                        .build(),
                MethodSpec.methodBuilder(prefix + "PackKernelTransposed")
                        .addModifiers(Modifier.PRIVATE)
                        .addJavadoc(
                                "Copies $L's kernel into transposed rows {@code $L}.\n",
                                JavaNames.commentText(layer.name()),
                                transposedLayout)
                        .addCode(packTransposed.build())
                        .build()));
        return methods;
    }

    /**
     * Locals of a forward pass over kernel rows: {@code <prefix>PackKernel(); float[][] w =
     * <prefix>KernelRows; float[] acc = <prefix>Acc;} and the {@link #valueLocals} ones.
     */
    final void rowForwardLocals(CodeBlock.Builder code) {
        code.addStatement("$L()", prefix + "PackKernel");
        code.addStatement("float[][] w = $L", kernelRows());
        code.addStatement("float[] acc = $L", prefix + "Acc");
        valueLocals(code);
    }

    /**
     * {@code float[] bias = <prefix>Bias.value();} with a bias, {@code float[] pre = <prefix>Pre;}
     * when kept; in the folded pass {@code <prefix>FoldNormalization(); float[] scale = ...; float[]
     * shift = ...;} instead of the pre-activation.
     */
    final void valueLocals(CodeBlock.Builder code) {
        if (useBias) {
            code.addStatement("float[] bias = $L.value()", bias());
        }
        if (folding) {
            code.addStatement("$L()", prefix + "FoldNormalization");
            code.addStatement("float[] scale = $L", foldScale());
            code.addStatement("float[] shift = $L", foldShift());
            return;
        }
        preLocal(code);
    }

    /**
     * The first locals of a backward pass over kernel rows: {@code <prefix>PackKernelTransposed();
     * float[][] gw = <prefix>KernelGradRows; float[][] wt = <prefix>KernelRowsT;}.
     */
    final void rowBackwardLocals(CodeBlock.Builder code) {
        code.addStatement("$L()", prefix + "PackKernelTransposed");
        code.addStatement("float[][] gw = $L", gradRows());
        code.addStatement("float[][] wt = $L", kernelRowsT());
    }

    /** {@code float[] gb = <prefix>Bias.gradient();} with a bias, {@code float[] pre = <prefix>Pre;} when kept. */
    final void gradientLocals(CodeBlock.Builder code) {
        if (useBias) {
            code.addStatement("float[] gb = $L.gradient()", bias());
        }
        preLocal(code);
    }

    private void preLocal(CodeBlock.Builder code) {
        if (keepsPre()) {
            code.addStatement("float[] pre = $L", pre());
        }
    }

    /** {@code System.arraycopy(bias, 0, acc, 0, units);}, or {@code Arrays.fill(acc, 0f);} without a bias. */
    final void resetAccumulator(CodeBlock.Builder code) {
        if (useBias) {
            code.addStatement("System.arraycopy(bias, 0, acc, 0, $L)", units);
        } else {
            code.addStatement("$T.fill(acc, 0f)", ARRAYS);
        }
    }

    /** {@code for (int f = 0; f < units; f++) gb[f] += row[f];}, with a bias only. */
    final void biasGradient(CodeBlock.Builder code) {
        if (useBias) {
            code.beginControlFlow("for (int f = 0; f < $L; f++)", units);
            code.addStatement("gb[f] += row[f]");
            code.endControlFlow();
        }
    }
}
