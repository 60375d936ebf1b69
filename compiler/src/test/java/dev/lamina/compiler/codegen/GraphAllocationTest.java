package dev.lamina.compiler.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.compiler.javac.GeneratedModels;
import dev.lamina.compiler.javac.InMemoryJavaCompiler;
import dev.lamina.runtime.Model;
import dev.lamina.runtime.parallel.ShardingModels;
import dev.lamina.runtime.spec.ModelSpec;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * A generated graph with two inputs, a tensor read twice and a concatenation allocates nothing per
 * call once its buffers are sized: forward, computeGradients and a whole training step, through
 * the multi-input API and the single-input one.
 */
class GraphAllocationTest {
    private static final int WARM_UP = 300;
    private static final int CALLS = 200;

    private static Model compile(ModelSpec spec) {
        GeneratedModel generated = new ModelGenerator("dev.lamina.generated.allocation").generate(spec);
        InMemoryJavaCompiler javac = InMemoryJavaCompiler.forBackend(
                generated.backend(), GeneratedModels.runtimeClassPath(), Model.class.getClassLoader());
        return GeneratedModels.newInstance(
                javac.compile(generated.qualifiedName(), generated.source()).load(generated.qualifiedName()), 1);
    }

    @Test
    void aStackThroughTheSingleInputApiAllocatesNothing() {
        Model model = compile(ShardingModels.convWithDropout());
        int batch = 4;
        float[] x = ShardingModels.uniform(batch * 64 * 4, 1);
        float[] target = ShardingModels.uniform(batch * 3, 2);
        float[] y = new float[batch * 3];

        assertThat(allocatedPerCall(() -> model.forward(x, batch, y))).isZero();
        assertThat(allocatedPerCall(() -> model.computeGradients(x, target, batch)))
                .isZero();
        assertThat(allocatedPerCall(() -> model.trainStep(x, target, batch))).isZero();
    }

    @Test
    void aGraphThroughTheMultiInputApiAllocatesNothing() {
        Model model = compile(ShardingModels.twoInputGraph());
        int batch = 4;
        float[][] x = {ShardingModels.uniform(batch * 64 * 4, 1), ShardingModels.uniform(batch * 6, 2)};
        float[] target = ShardingModels.oneHot(batch, 5, 3);
        float[] y = new float[batch * 5];

        assertThat(allocatedPerCall(() -> model.forward(x, batch, y))).isZero();
        assertThat(allocatedPerCall(() -> model.computeGradients(x, target, batch)))
                .isZero();
        assertThat(allocatedPerCall(() -> model.trainStep(x, target, batch))).isZero();
    }

    private static double allocatedPerCall(Runnable call) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long self = Thread.currentThread().getId();
        for (int i = 0; i < WARM_UP; i++) {
            call.run();
        }
        long before = threads.getThreadAllocatedBytes(self);
        for (int i = 0; i < CALLS; i++) {
            call.run();
        }
        return (double) (threads.getThreadAllocatedBytes(self) - before) / CALLS;
    }
}
