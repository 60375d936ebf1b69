package dev.lamina.compiler.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import dev.lamina.runtime.Initializer;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code layer_normalization} over the last axis through the runtime's {@code LayerNorm} (the
 * interpreter's arithmetic): each row normalized by its own mean and variance, then gamma and beta.
 * The normalized rows and each row's inverse deviation are kept for the backward pass.
 */
final class LayerNormalizationWriter extends ComputingLayerWriter {
    static final ClassName LAYER_NORM = ClassName.get("dev.lamina.runtime.math", "LayerNorm");

    private final LayerSpec.LayerNormalization normalization;
    private final int width;
    private final int rowsPerExample;

    LayerNormalizationWriter(LayerSpec.LayerNormalization normalization, String prefix, Shape in, Shape out) {
        super(normalization, prefix, in, out);
        this.normalization = normalization;
        this.width = in.last();
        this.rowsPerExample = in.size() / width;
    }

    @Override
    String describe() {
        return "layer_normalization of " + width + " features, epsilon " + normalization.epsilon();
    }

    private String gamma() {
        return prefix + "Gamma";
    }

    private String beta() {
        return prefix + "Beta";
    }

    private String normalized() {
        return prefix + "Normalized";
    }

    private String inverseDeviation() {
        return prefix + "InverseDeviation";
    }

    @Override
    List<ParameterDecl> parameters() {
        Shape vector = Shape.of(width);
        List<ParameterDecl> params = new ArrayList<>();
        if (normalization.scale()) {
            params.add(new ParameterDecl("gamma", vector, Initializer.ONES, gamma()));
        }
        if (normalization.center()) {
            params.add(new ParameterDecl("beta", vector, Initializer.ZEROS, beta()));
        }
        return params;
    }

    @Override
    List<FieldSpec> fields() {
        return List.of(batchBuffer(FLOATS, normalized()), batchBuffer(FLOATS, inverseDeviation()));
    }

    @Override
    void allocate(CodeBlock.Builder code) {
        code.addStatement("$L = new float[$L]", normalized(), Expressions.times("batch", outSize()));
        code.addStatement("$L = new float[$L]", inverseDeviation(), Expressions.times("batch", rowsPerExample));
    }

    private String rows() {
        return Expressions.times("batch", rowsPerExample);
    }

    private String values(boolean present, String field) {
        return present ? field + ".value()" : "null";
    }

    private String gradient(boolean present, String field) {
        return present ? field + ".gradient()" : "null";
    }

    /** {@code LayerNorm.forward(x, normalized, inverseDeviation, y, batch * rows, width, gamma, beta, epsilon)}. */
    @Override
    MethodSpec forward() {
        return forwardMethod()
                .addStatement(
                        "$T.forward(x, $L, $L, y, $L, $L, $L, $L, $L)",
                        LAYER_NORM,
                        normalized(),
                        inverseDeviation(),
                        rows(),
                        width,
                        values(normalization.scale(), gamma()),
                        values(normalization.center(), beta()),
                        Double.toString(normalization.epsilon()))
                .build();
    }

    /** {@code LayerNorm.backward(dy, normalized, inverseDeviation, dx, ..., gamma, gammaGradient, betaGradient)}. */
    @Override
    MethodSpec backward() {
        return backwardMethod()
                .addStatement(
                        "$T.backward(dy, $L, $L, dx, $L, $L, $L, $L, $L)",
                        LAYER_NORM,
                        normalized(),
                        inverseDeviation(),
                        rows(),
                        width,
                        values(normalization.scale(), gamma()),
                        gradient(normalization.scale(), gamma()),
                        gradient(normalization.center(), beta()))
                .build();
    }
}
