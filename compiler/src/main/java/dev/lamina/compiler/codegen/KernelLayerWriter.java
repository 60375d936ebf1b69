package dev.lamina.compiler.codegen;

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
 */
abstract class KernelLayerWriter extends ComputingLayerWriter {
    private final Activation activation;
    private final boolean useBias;
    private final int units;

    KernelLayerWriter(
            LayerSpec layer, String prefix, Shape in, Shape out, Activation activation, boolean useBias, int units) {
        super(layer, prefix, in, out);
        this.activation = activation;
        this.useBias = useBias;
        this.units = units;
    }

    /** The kernel's Keras shape, its last axis the {@code units} outputs. */
    abstract Shape kernelShape();

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

    final boolean keepsPre() {
        return ActivationCode.needsPreActivation(activation);
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
        copyIntoRows(pack, kernel(), kernelRows(), taps * inputs, units);
        CodeBlock.Builder packTransposed = CodeBlock.builder();
        copyIntoTransposedRows(packTransposed, kernel(), kernelRowsT(), taps, inputs, units);
        return List.of(
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
                        .build());
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

    /** {@code float[] bias = <prefix>Bias.value();} with a bias, {@code float[] pre = <prefix>Pre;} when kept. */
    final void valueLocals(CodeBlock.Builder code) {
        if (useBias) {
            code.addStatement("float[] bias = $L.value()", bias());
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
