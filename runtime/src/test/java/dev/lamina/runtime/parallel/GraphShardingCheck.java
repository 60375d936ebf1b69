package dev.lamina.runtime.parallel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.runtime.AbstractModel;
import dev.lamina.runtime.Model;
import dev.lamina.runtime.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Batch parallelism on a graph with several inputs, for one engine: a batch that shards gives
 * bit-identical predictions, loss, parameter and input gradients and training trajectories for 1 to
 * 4 threads (dropout on), and the sharded predictions equal those of the examples run one half of
 * the batch at a time.
 */
public final class GraphShardingCheck {
    private static final int STEPS = 3;

    private final Supplier<Model> factory;
    private final float[][] x;
    private final float[] target;
    private final int batch;

    public GraphShardingCheck(Supplier<Model> factory, float[][] x, float[] target, int batch) {
        this.factory = factory;
        this.x = x;
        this.target = target;
        this.batch = batch;
    }

    /** The whole check; the batch must make at least 2 shards. */
    public void assertThreadCountChangesNothing() {
        assertThat(((AbstractModel) factory.get()).shards(x, batch)).isGreaterThan(1);
        List<float[]> single = run(1);
        for (int threads = 2; threads <= 4; threads++) {
            List<float[]> parallel = run(threads);
            for (int i = 0; i < single.size(); i++) {
                assertThat(parallel.get(i))
                        .as("%s threads, recorded array %s", threads, i)
                        .containsExactly(single.get(i));
            }
        }
        Model halves = factory.get();
        int half = batch / 2;
        float[] first = halves.predict(slice(0, half), half);
        float[] second = halves.predict(slice(half, batch), batch - half);
        float[] joined = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        assertThat(single.get(0)).containsExactly(joined, org.assertj.core.api.Assertions.within(1e-6f));
    }

    private float[][] slice(int from, int to) {
        float[][] part = new float[x.length][];
        for (int i = 0; i < x.length; i++) {
            int size = x[i].length / batch;
            part[i] = Arrays.copyOfRange(x[i], from * size, to * size);
        }
        return part;
    }

    private List<float[]> run(int threads) {
        Model model = factory.get();
        model.setThreads(threads);
        model.setDropoutSeed(5);
        List<float[]> recorded = new ArrayList<>();
        recorded.add(model.predict(x, batch));
        recorded.add(new float[] {model.computeGradients(x, target, batch)});
        for (Parameter p : model.parameters()) {
            recorded.add(p.gradient().clone());
        }
        for (int i = 0; i < x.length; i++) {
            recorded.add(model.inputGradient(i));
        }
        for (int step = 0; step < STEPS; step++) {
            recorded.add(new float[] {model.trainStep(x, target, batch)});
        }
        for (Parameter p : model.parameters()) {
            recorded.add(p.value().clone());
        }
        model.setThreads(1);
        return recorded;
    }
}
