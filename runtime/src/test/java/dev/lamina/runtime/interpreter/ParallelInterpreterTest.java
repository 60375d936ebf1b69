package dev.lamina.runtime.interpreter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamina.runtime.parallel.ShardingCheck;
import dev.lamina.runtime.parallel.ShardingModels;
import dev.lamina.runtime.spec.Activation;
import dev.lamina.runtime.spec.InputSpec;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.ModelSpec;
import dev.lamina.runtime.spec.Shape;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ParallelInterpreterTest {
    private static final long SEED = 5;

    @Test
    void convWithDropoutShardsAlikeForEveryThreadCount() {
        ModelSpec spec = ShardingModels.convWithDropout();
        int batch = 32;
        new ShardingCheck(
                        () -> new Interpreter(spec, SEED),
                        ShardingModels.uniform(batch * 64 * 4, 1),
                        ShardingModels.uniform(batch * 3, 2),
                        batch)
                .assertShardedRunsAgree(4);
    }

    @Test
    void softmaxClassifierShardsAlikeForEveryThreadCount() {
        ModelSpec spec = ShardingModels.softmaxClassifier();
        int batch = 64;
        new ShardingCheck(
                        () -> new Interpreter(spec, SEED),
                        ShardingModels.uniform(batch * 64 * 4, 3),
                        ShardingModels.oneHot(batch, 5, 4),
                        batch)
                .assertShardedRunsAgree(8);
    }

    @Test
    void smallBatchesAndSmallModelsStayInOnePass() {
        Interpreter model = new Interpreter(ShardingModels.convWithDropout(), SEED);
        assertThat(model.shards(new float[15 * 64 * 4], 15)).isEqualTo(1);
        assertThat(model.shards(new float[24 * 64 * 4], 24)).isEqualTo(2);
        ModelSpec toy = new ModelSpec(
                "toy",
                new InputSpec(Shape.of(4, 1), false),
                List.of(new LayerSpec.Dense("d", 1, false, Activation.LINEAR)),
                Optional.empty());
        assertThat(new Interpreter(toy, SEED).shards(new float[4096 * 4], 4096)).isEqualTo(1);
    }

    @Test
    void threadsMustBeAtLeastOne() {
        Interpreter model = new Interpreter(ShardingModels.convWithDropout(), SEED);
        assertThat(model.threads()).isEqualTo(1);
        assertThatThrownBy(() -> model.setThreads(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("threads must be at least 1, got 0");
        assertThat(model.threads()).isEqualTo(1);
    }
}
