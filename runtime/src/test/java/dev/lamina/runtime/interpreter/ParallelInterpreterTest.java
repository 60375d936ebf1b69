package dev.lamina.runtime.interpreter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamina.runtime.Model;
import dev.lamina.runtime.parallel.GraphShardingCheck;
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
    void aTwoInputGraphShardsAlikeForEveryThreadCount() {
        ModelSpec spec = ShardingModels.twoInputGraph();
        int batch = 64;
        new GraphShardingCheck(
                        () -> new Interpreter(spec, SEED),
                        new float[][] {ShardingModels.uniform(batch * 64 * 4, 1), ShardingModels.uniform(batch * 6, 3)},
                        ShardingModels.oneHot(batch, 5, 2),
                        batch)
                .assertThreadCountChangesNothing();
    }

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
    void batchNormalizationShardsWithTheWholeBatchsStatistics() {
        ModelSpec spec = ShardingModels.normalizedClassifier();
        int batch = 32;
        ShardingCheck.withWholeBatchStatistics(
                        () -> new Interpreter(spec, SEED),
                        ShardingModels.uniform(batch * 64 * 4, 7),
                        ShardingModels.oneHot(batch, 5, 8),
                        batch)
                .assertShardedRunsAgree(4);
    }

    @Test
    void inputsOfUnknownLengthShardByTheirConcreteLength() {
        ModelSpec fixed = ShardingModels.softmaxClassifier();
        ModelSpec spec = ModelSpec.sequential(
                "Variable", new InputSpec(Shape.of(Shape.UNKNOWN, 4), false), fixed.layers(), fixed.training());
        int batch = 32;
        new ShardingCheck(
                        () -> new Interpreter(spec, SEED),
                        ShardingModels.uniform(batch * 48 * 4, 5),
                        ShardingModels.oneHot(batch, 5, 6),
                        batch)
                .assertShardedRunsAgree(4);
        Interpreter parallel = new Interpreter(spec, SEED);
        parallel.setThreads(2);
        Interpreter single = new Interpreter(spec, SEED);
        for (int steps : new int[] {64, 40, 64}) {
            float[] x = ShardingModels.uniform(batch * steps * 4, steps);
            assertThat(parallel.shards(x, batch)).isEqualTo(4);
            assertThat(parallel.predict(x, batch)).containsExactly(single.predict(x, batch));
        }
    }

    @Test
    void smallBatchesAndSmallModelsStayInOnePass() {
        Interpreter model = new Interpreter(ShardingModels.convWithDropout(), SEED);
        assertThat(model.shards(new float[15 * 64 * 4], 15)).isEqualTo(1);
        assertThat(model.shards(new float[24 * 64 * 4], 24)).isEqualTo(2);
        ModelSpec toy = ModelSpec.sequential(
                "toy",
                new InputSpec(Shape.of(4, 1), false),
                List.of(new LayerSpec.Dense("d", 1, false, Activation.LINEAR)),
                Optional.empty());
        assertThat(new Interpreter(toy, SEED).shards(new float[4096 * 4], 4096)).isEqualTo(1);
    }

    @Test
    void aShardsFailureReachesTheCallerWithItsMessage() {
        ModelSpec spec = ModelSpec.sequential(
                "Tokens",
                new InputSpec(Shape.of(64), true),
                List.of(
                        new LayerSpec.Embedding("emb", 10, 16),
                        new LayerSpec.Conv1D(
                                "c", 64, 5, 1, dev.lamina.runtime.spec.Padding.VALID, 1, true, Activation.RELU)),
                Optional.empty());
        int batch = 32;
        float[] x = new float[batch * 64];
        x[batch * 64 - 1] = 10;
        for (int threads = 1; threads <= 2; threads++) {
            Interpreter model = new Interpreter(spec, SEED);
            model.setThreads(threads);
            assertThat(model.shards(x, batch)).isEqualTo(4);
            assertThatThrownBy(() -> model.predict(x, batch))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("emb (embedding): id 10.0 at input position 2047 is not a whole number in [0, 10)");
            x[batch * 64 - 1] = 9;
            assertThat(model.predict(x, batch)).hasSize(batch * 60 * 64);
            x[batch * 64 - 1] = 10;
        }
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

    @Test
    void absurdThreadCountsAreRefusedBeforeAnyThreadStarts() {
        Interpreter model = new Interpreter(ShardingModels.convWithDropout(), SEED);
        int processors = Runtime.getRuntime().availableProcessors();
        assertThat(Model.maxThreads()).isEqualTo(4 * processors);
        for (int threads : new int[] {100_000, Integer.MAX_VALUE, Model.maxThreads() + 1}) {
            assertThatThrownBy(() -> model.setThreads(threads))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("threads must be at most " + Model.maxThreads() + " (4 per processor, " + processors
                            + " processors here), got " + threads);
        }
        assertThat(model.threads()).isEqualTo(1);
        model.setThreads(Model.maxThreads());
        assertThat(model.threads()).isEqualTo(Model.maxThreads());
        model.setThreads(1);
    }
}
