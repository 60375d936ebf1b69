package dev.lamina.compiler.codegen;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.Shape;

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

    @Override
    boolean aliasesInput() {
        return true;
    }

    @Override
    MethodSpec forward() {
        throw new IllegalStateException("a reshape has no forward pass: its output is its input");
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
