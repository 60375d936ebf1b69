package dev.lamina.compiler.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamina.compiler.javac.GeneratedModels;
import dev.lamina.compiler.javac.InMemoryJavaCompiler;
import dev.lamina.runtime.Model;
import dev.lamina.runtime.parallel.GraphShardingCheck;
import dev.lamina.runtime.parallel.ShardingCheck;
import dev.lamina.runtime.parallel.ShardingModels;
import dev.lamina.runtime.spec.ModelSpec;
import org.junit.jupiter.api.Test;

/** Batch parallelism of generated classes: sharded runs agree for every thread count and with one pass per block. */
class ParallelGeneratedTest {
    private static final long SEED = 5;

    /** Compiles {@code spec} once and returns a factory of instances with the same weights. */
    private static Class<?> compile(ModelSpec spec) {
        GeneratedModel generated = new ModelGenerator("dev.lamina.generated.parallel").generate(spec);
        InMemoryJavaCompiler javac = InMemoryJavaCompiler.forBackend(
                generated.backend(), GeneratedModels.runtimeClassPath(), Model.class.getClassLoader());
        return javac.compile(generated.qualifiedName(), generated.source()).load(generated.qualifiedName());
    }

    @Test
    void aTwoInputGraphShardsAlikeForEveryThreadCount() {
        Class<?> type = compile(ShardingModels.twoInputGraph());
        int batch = 64;
        new GraphShardingCheck(
                        () -> GeneratedModels.newInstance(type, SEED),
                        new float[][] {ShardingModels.uniform(batch * 64 * 4, 1), ShardingModels.uniform(batch * 6, 3)},
                        ShardingModels.oneHot(batch, 5, 2),
                        batch)
                .assertThreadCountChangesNothing();
    }

    @Test
    void convWithDropoutShardsAlikeForEveryThreadCount() {
        Class<?> type = compile(ShardingModels.convWithDropout());
        int batch = 32;
        new ShardingCheck(
                        () -> GeneratedModels.newInstance(type, SEED),
                        ShardingModels.uniform(batch * 64 * 4, 1),
                        ShardingModels.uniform(batch * 3, 2),
                        batch)
                .assertShardedRunsAgree(4);
    }

    @Test
    void softmaxClassifierShardsAlikeForEveryThreadCount() {
        Class<?> type = compile(ShardingModels.softmaxClassifier());
        int batch = 64;
        new ShardingCheck(
                        () -> GeneratedModels.newInstance(type, SEED),
                        ShardingModels.uniform(batch * 64 * 4, 3),
                        ShardingModels.oneHot(batch, 5, 4),
                        batch)
                .assertShardedRunsAgree(8);
    }

    @Test
    void batchNormalizationShardsWithTheWholeBatchsStatistics() {
        Class<?> type = compile(ShardingModels.normalizedClassifier());
        int batch = 32;
        ShardingCheck.withWholeBatchStatistics(
                        () -> GeneratedModels.newInstance(type, SEED),
                        ShardingModels.uniform(batch * 64 * 4, 7),
                        ShardingModels.oneHot(batch, 5, 8),
                        batch)
                .assertShardedRunsAgree(4);
    }

    @Test
    void threadsMustBeAtLeastOne() {
        Model model = GeneratedModels.newInstance(compile(ShardingModels.softmaxClassifier()), SEED);
        assertThatThrownBy(() -> model.setThreads(-2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("threads must be at least 1, got -2");
        model.setThreads(2);
        assertThat(model.threads()).isEqualTo(2);
    }
}
