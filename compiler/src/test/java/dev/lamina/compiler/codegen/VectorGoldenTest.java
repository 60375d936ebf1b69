package dev.lamina.compiler.codegen;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The whole golden suite through the vector backend, one test per case named {@code <case>
 * (vector)}. Runs in the build's {@code vector-backend} Surefire execution, on Java 25+ with
 * {@code --add-modules jdk.incubator.vector}.
 */
class VectorGoldenTest {

    @TestFactory
    Stream<DynamicTest> everyGoldenCaseThroughTheVectorBackend() {
        return GeneratedGoldenTest.everyCase(Backend.VECTOR, "vector");
    }
}
