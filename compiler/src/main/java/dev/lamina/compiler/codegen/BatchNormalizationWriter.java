package dev.lamina.compiler.codegen;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.lamina.runtime.Initializer;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.Shape;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * {@code batch_normalization} over the last axis, through the runtime's {@code BatchStatistics}
 * (the arithmetic the interpreter runs, so both engines agree): gamma and beta (trainable, when
 * {@code scale} and {@code center}), moving_mean and moving_variance (non-trainable). The forward
 * pass is inference (moving statistics), unless the layer is folded into the conv1d or dense before
 * it ({@link #foldedInto}), which then has none. Training runs in the phases the model's segments
 * call: {@code <prefix>Accumulate(x, batch)} ends one segment, {@code <prefix>Normalize(x, y,
 * batch)} starts the next; backward, {@code <prefix>AccumulateGradients(dy, batch)} ends a segment
 * and the backward pass (the input gradient from the batch's sums) starts the next.
 */
final class BatchNormalizationWriter extends ComputingLayerWriter {
    private final LayerSpec.BatchNormalization normalization;
    private final int channels;
    private final int rowsPerExample;
    private String foldedInto;

    BatchNormalizationWriter(LayerSpec.BatchNormalization normalization, String prefix, Shape in, Shape out) {
        super(normalization, prefix, in, out);
        this.normalization = normalization;
        this.channels = in.last();
        this.rowsPerExample = in.size() / channels;
    }

    @Override
    String describe() {
        return "batch_normalization of " + channels + " channels, momentum " + normalization.momentum() + ", epsilon "
                + normalization.epsilon();
    }

    /** Marks the layer as folded into {@code layer}'s inference pass: no forward pass of its own. */
    void foldedInto(String layer) {
        this.foldedInto = layer;
    }

    /** The name of the layer whose inference pass this one is folded into, or null. */
    String foldedInto() {
        return foldedInto;
    }

    LayerSpec.BatchNormalization spec() {
        return normalization;
    }

    String statistics() {
        return prefix + "Statistics";
    }

    private String normalized() {
        return prefix + "Normalized";
    }

    private String gamma() {
        return prefix + "Gamma";
    }

    private String beta() {
        return prefix + "Beta";
    }

    /** Keras's order: gamma, beta, moving_mean, moving_variance. */
    @Override
    List<ParameterDecl> parameters() {
        Shape vector = Shape.of(channels);
        List<ParameterDecl> params = new ArrayList<>();
        if (normalization.scale()) {
            params.add(new ParameterDecl("gamma", vector, Initializer.ONES, gamma()));
        }
        if (normalization.center()) {
            params.add(new ParameterDecl("beta", vector, Initializer.ZEROS, beta()));
        }
        params.add(new ParameterDecl("moving_mean", vector, Initializer.ZEROS, prefix + "MovingMean", false));
        params.add(new ParameterDecl("moving_variance", vector, Initializer.ONES, prefix + "MovingVariance", false));
        return params;
    }

    @Override
    List<FieldSpec> fields() {
        return List.of(
                FieldSpec.builder(KernelLayerWriter.BATCH_STATISTICS, statistics(), Modifier.PRIVATE, Modifier.FINAL)
                        .build(),
                batchBuffer(FLOATS, normalized()));
    }

    /** {@code bnStatistics = new BatchStatistics(16, 0.99, 0.001, bnMovingMean.value(), bnMovingVariance.value());} */
    @Override
    void initialize(CodeBlock.Builder code) {
        code.addStatement(
                "$L = new $T($L, $L, $L, $L.value(), $L.value())",
                statistics(),
                KernelLayerWriter.BATCH_STATISTICS,
                channels,
                Double.toString(normalization.momentum()),
                Double.toString(normalization.epsilon()),
                prefix + "MovingMean",
                prefix + "MovingVariance");
    }

    @Override
    void allocate(CodeBlock.Builder code) {
        code.addStatement("$L = new float[$L]", normalized(), Expressions.times("batch", outSize()));
    }

    private String rows() {
        return Expressions.times("batch", rowsPerExample);
    }

    private String gammaValues() {
        return normalization.scale() ? gamma() + ".value()" : "null";
    }

    private String betaValues() {
        return normalization.center() ? beta() + ".value()" : "null";
    }

    /** The training phases; the inference forward pass unless the layer is folded. */
    @Override
    List<MethodSpec> helperMethods() {
        List<MethodSpec> methods = new ArrayList<>();
        methods.add(phase("Accumulate", "Training, phase 1: sums this pass's input rows.", "x")
                .addStatement("$L.accumulate(x, $L)", statistics(), rows())
                .build());
        methods.add(phase("Normalize", "Training, phase 2: normalizes with the batch's combined statistics.", "x", "y")
                .addStatement(
                        "$L.normalize(x, $L, y, $L, $L, $L)",
                        statistics(),
                        normalized(),
                        rows(),
                        gammaValues(),
                        betaValues())
                .build());
        methods.add(phase(
                        "AccumulateGradients",
                        "Backward, phase 1: sums the output gradient, adding the gamma and beta gradients.",
                        "dy")
                .addStatement(
                        "$L.accumulateGradients(dy, $L, $L, $L, $L)",
                        statistics(),
                        normalized(),
                        rows(),
                        normalization.scale() ? gamma() + ".gradient()" : "null",
                        normalization.center() ? beta() + ".gradient()" : "null")
                .build());
        return methods;
    }

    private MethodSpec.Builder phase(String name, String javadoc, String... arrays) {
        MethodSpec.Builder m = MethodSpec.methodBuilder(prefix + name)
                .addModifiers(Modifier.PRIVATE)
                .addJavadoc("$L\n", javadoc);
        for (String array : arrays) {
            m.addParameter(FLOATS, array);
        }
        return m.addParameter(TypeName.INT, "batch");
    }

    @Override
    List<MethodSpec> passes() {
        return foldedInto == null ? super.passes() : List.of(backward());
    }

    /** Inference: {@code bnStatistics.normalizeInference(x, y, batch * rows, gamma, beta)}. */
    @Override
    MethodSpec forward() {
        return forwardMethod()
                .addStatement(
                        "$L.normalizeInference(x, y, $L, $L, $L)", statistics(), rows(), gammaValues(), betaValues())
                .build();
    }

    /** Backward, phase 2: the input gradient from the batch's combined gradient sums. */
    @Override
    MethodSpec backward() {
        return backwardMethod()
                .addStatement("$L.inputGradient(dy, $L, dx, $L, $L)", statistics(), normalized(), rows(), gammaValues())
                .build();
    }
}
