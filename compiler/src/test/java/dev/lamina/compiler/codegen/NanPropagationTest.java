package dev.lamina.compiler.codegen;

import org.junit.jupiter.api.Test;

/** {@link NanSemantics} for scalar generated code. */
class NanPropagationTest {
    private final NanSemantics semantics = new NanSemantics(Backend.SCALAR);

    @Test
    void reluPropagatesNaN() {
        semantics.reluPropagatesNaN();
    }

    @Test
    void fusedReluPropagatesNaN() {
        semantics.fusedReluPropagatesNaN();
    }

    @Test
    void maxPoolingPropagatesNaN() {
        semantics.maxPoolingPropagatesNaN();
    }

    @Test
    void globalMaxPoolingPropagatesNaN() {
        semantics.globalMaxPoolingPropagatesNaN();
    }
}
