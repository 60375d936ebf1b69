package dev.lamina.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

class ModelBenchmarkSmokeTest {
    @Test
    void generatedToyTrainStepRunsOneShortIteration() throws RunnerException {
        assertThat(toyTrainStepScore("generated")).isFinite().isPositive();
    }

    /** One short in-process JMH iteration of the toy's train step on {@code engine}; its score. */
    static double toyTrainStepScore(String engine) throws RunnerException {
        Options options = new OptionsBuilder()
                .include(ModelBenchmark.class.getName() + ".trainStep$")
                .param("model", "toy")
                .param("batch", "1")
                .param("engine", engine)
                .param("threads", "1")
                .forks(0)
                .warmupIterations(1)
                .warmupTime(TimeValue.milliseconds(100))
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(200))
                .shouldFailOnError(true)
                .build();

        Collection<RunResult> results = new Runner(options).run();

        assertThat(results).hasSize(1);
        return results.iterator().next().getPrimaryResult().getScore();
    }
}
