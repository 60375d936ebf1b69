package dev.lamina.compiler.codegen;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.Shape;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * A layer that writes its own output buffer: its forward pass {@code <prefix>Forward(x, y,
 * batch)} comes before its backward pass.
 */
abstract class ComputingLayerWriter extends LayerWriter {
    ComputingLayerWriter(LayerSpec layer, String prefix, Shape in, Shape out) {
        super(layer, prefix, in, out);
    }

    abstract MethodSpec forward();

    @Override
    List<MethodSpec> passes() {
        return List.of(forward(), backward());
    }

    /** The shapes of every input, for the Javadoc of a merge's passes. */
    String inputShapesText() {
        return in.toString();
    }

    final String forwardName() {
        return prefix + "Forward";
    }

    /** A forward-pass method skeleton with its Javadoc. */
    protected final MethodSpec.Builder forwardMethod() {
        MethodSpec.Builder m = MethodSpec.methodBuilder(forwardName())
                .addModifiers(Modifier.PRIVATE)
                .addJavadoc(
                        "Forward pass of $L: $L, $L to $L.\n",
                        JavaNames.commentText(layer.name()),
                        JavaNames.commentText(describe()),
                        arity() == 1 ? in : inputShapesText(),
                        out);
        for (int slot = 0; slot < arity(); slot++) {
            m.addParameter(FLOATS, inputParameter(slot));
        }
        m.addParameter(FLOATS, "y").addParameter(TypeName.INT, "batch");
        if (usesTrainingFlag()) {
            m.addParameter(TypeName.BOOLEAN, "training");
        }
        return m;
    }

    /**
     * Opens the loop over the batch with the offsets of example {@code b} (the caller closes it):
     *
     * <pre>{@code
     * for (int b = 0; b < batch; b++) {
     *     int xb = b * 18;
     *     int yb = b * 100;
     * }</pre>
     */
    final void beginExampleLoop(CodeBlock.Builder code) {
        code.beginControlFlow("for (int b = 0; b < batch; b++)");
        code.addStatement("int xb = $L", Expressions.times("b", inSize()));
        code.addStatement("int yb = $L", Expressions.times("b", outSize()));
    }
}
