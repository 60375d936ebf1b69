package dev.lamina.compiler.codegen;

import org.junit.jupiter.api.Test;

/** {@link NanSemantics} for vector generated code (run on Java 25+ with the module, like every {@code Vector*Test}). */
class VectorNanPropagationTest {
    private final NanSemantics semantics = new NanSemantics(Backend.VECTOR);

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
