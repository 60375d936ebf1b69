package dev.lamina.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.compiler.Compilation;
import dev.lamina.compiler.LaminaCompiler;
import java.util.Collection;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

class RecheckBenchmarkSmokeTest {
    @Test
    void theLargeSpecHasAThousandAndTwoValidLayers() {
        Compilation compilation = LaminaCompiler.compile("large.lamina", LargeSpec.of(200));
        assertThat(compilation.diagnostics()).isEmpty();
        assertThat(compilation.models().get(0).layers()).hasSize(1002).hasSize(LargeSpec.layers(200));
        assertThat(compilation.models().get(0).outputShape()).hasToString("(4,)");
    }

    @Test
    void oneEditRoundTripRunsAShortIteration() throws RunnerException {
        Options options = new OptionsBuilder()
                .include(RecheckBenchmark.class.getName() + ".edit$")
                .param("blocks", "20")
                .forks(0)
                .warmupIterations(1)
                .warmupTime(TimeValue.milliseconds(100))
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(200))
                .shouldFailOnError(true)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        assertThat(results).hasSize(1);
        assertThat(results.iterator().next().getPrimaryResult().getScore())
                .isFinite()
                .isPositive();
    }
}
