package dev.lamina.compiler.codegen;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.Shape;
import java.util.List;

/**
 * {@code flatten} and {@code reshape}: the flat channels-last data does not change, so the output
 * is the input array itself and the backward pass copies the gradient through.
 */
final class ReshapeWriter extends LayerWriter {
    ReshapeWriter(LayerSpec layer, String prefix, Shape in, Shape out) {
        super(layer, prefix, in, out);
    }

    @Override
    String describe() {
        return layer.typeName() + " (same data, no copy)";
    }

    /** Only the backward pass: the forward pass has nothing to do. */
    @Override
    List<MethodSpec> passes() {
        return List.of(backward());
    }

    /** Emits {@code System.arraycopy(dy, 0, dx, 0, batch * size)}. */
    @Override
    MethodSpec backward() {
        CodeBlock code = CodeBlock.builder()
                .addStatement("System.arraycopy(dy, 0, dx, 0, $L)", Expressions.times("batch", inSize()))
                .build();
        return backwardMethod().addCode(code).build();
    }
}
