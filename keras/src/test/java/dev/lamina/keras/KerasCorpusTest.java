package dev.lamina.keras;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The Keras corpus ({@code -Dlamina.keras}, default {@code testdata/keras}) through the interpreter,
 * scalar generated code, {@link KerasWeights} and the architecture-JSON route; {@link
 * VectorKerasCorpusTest} runs it through the vector backend.
 */
class KerasCorpusTest {

    @TestFactory
    Stream<DynamicTest> everyCaseReproducesKerasOutputs() {
        return CorpusChecks.tests(List.of(
                CorpusChecks.Engine.INTERPRETER,
                CorpusChecks.Engine.GENERATED,
                CorpusChecks.Engine.KERAS_WEIGHTS,
                CorpusChecks.Engine.ARCHITECTURE_JSON));
    }
}
