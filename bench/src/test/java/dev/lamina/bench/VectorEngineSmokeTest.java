package dev.lamina.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lamina.runtime.Model;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.RunnerException;

/** The vector engine in the benchmarks, on the JDK 25 of the {@code vector-backend} test run. */
class VectorEngineSmokeTest {
    @Test
    void vectorEngineRunsOnThisJvm() {
        assertThat(Engine.VECTOR.unavailableReason()).isNull();
    }

    @Test
    void vectorLayerComputesWhatGeneratedScalarCodeComputes() {
        ModelUnderTest vector = ModelUnderTest.build("layer", 2, "vector", 1);
        ModelUnderTest scalar = ModelUnderTest.build("layer", 2, "generated", 1);

        float[] expected = scalar.forward().clone();
        assertThat(vector.forward()).hasSize(2 * 119 * 100).containsExactly(expected, within(1e-4f));
        assertThat(vector.trainStep()).isCloseTo(scalar.trainStep(), within(1e-4f));
        Model trained = vector.instance();
        assertThat(trained.parameter("conv1d/kernel").value())
                .containsExactly(scalar.instance().parameter("conv1d/kernel").value(), within(1e-5f));
    }

    @Test
    void vectorActivityCnnOnTwoThreadsComputesWhatItComputesOnOne() {
        ModelUnderTest one = ModelUnderTest.build("activity_cnn", 32, "vector", 1);
        ModelUnderTest two = ModelUnderTest.build("activity_cnn", 32, "vector", 2);

        assertThat(two.instance().threads()).isEqualTo(2);
        float[] expected = one.forward().clone();
        assertThat(two.forward()).hasSize(32 * 4).containsExactly(expected);
        assertThat(two.trainStep()).isEqualTo(one.trainStep());
        assertThat(two.instance().parameter("dense/kernel").value())
                .containsExactly(one.instance().parameter("dense/kernel").value());
    }

    @Test
    void vectorToyTrainStepRunsOneShortIteration() throws RunnerException {
        assertThat(ModelBenchmarkSmokeTest.toyTrainStepScore("vector"))
                .isFinite()
                .isPositive();
    }
}
