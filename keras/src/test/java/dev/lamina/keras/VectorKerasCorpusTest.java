package dev.lamina.keras;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The Keras corpus through the vector backend, one test per case named {@code <case> (vector)}.
 * Runs in the build's {@code vector-backend} Surefire execution, on Java 25+ with {@code
 * --add-modules jdk.incubator.vector}.
 */
class VectorKerasCorpusTest {

    @TestFactory
    Stream<DynamicTest> everyCaseReproducesKerasOutputsWithVectorCode() {
        return CorpusChecks.tests(List.of(CorpusChecks.Engine.VECTOR));
    }
}
