package dev.lamina.spark;

import dev.lamina.runtime.Model;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The models of one JVM (an executor, or the driver in local mode): one instance per model source
 * and task thread, built on the thread's first task and kept for the next ones, holding the last
 * weights loaded into it so that a broadcast is copied in once per thread.
 */
final class ExecutorModels {
    private static final Map<ModelSource, ThreadLocal<Loaded>> MODELS = new ConcurrentHashMap<>();

    private ExecutorModels() {}

    /** This thread's model of {@code source}, holding {@code weights}. */
    static Model forThisThread(ModelSource source, WeightsSnapshot weights) {
        Loaded loaded = MODELS.computeIfAbsent(source, s -> new ThreadLocal<>()).get();
        if (loaded == null) {
            loaded = new Loaded(source.create(0));
            MODELS.get(source).set(loaded);
        }
        if (loaded.weightsId != weights.id()) {
            weights.loadInto(loaded.model);
            loaded.weightsId = weights.id();
        }
        return loaded.model;
    }

    private static final class Loaded {
        final Model model;
        long weightsId = Long.MIN_VALUE;

        Loaded(Model model) {
            this.model = model;
        }
    }
}
