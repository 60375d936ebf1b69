package dev.lamina.samples;

import dev.lamina.runtime.Model;
import dev.lamina.runtime.train.ConsoleReporter;
import dev.lamina.runtime.train.Trainer;
import dev.lamina.runtime.train.TrainingOptions;
import java.util.Locale;

/**
 * Trains the two-input model of {@code models/sensor_with_side_features.lamina} (a sensor sequence
 * and side features, merged by a concatenation) on synthetic data whose class needs both inputs,
 * and reports its accuracy on examples it never saw. Inputs are passed as one array each, in the
 * order the spec declares them.
 */
public final class SideFeaturesApp {
    private SideFeaturesApp() {}

    public static void main(String[] args) {
        double accuracy = trainAndTest(true);
        System.out.printf(Locale.ROOT, "held-out accuracy: %.1f%%%n", accuracy * 100);
    }

    /** Trains on 256 examples for 8 epochs and returns the accuracy on 96 others. */
    static double trainAndTest(boolean print) {
        SensorWithSideFeatures model = new SensorWithSideFeatures(11);
        SideFeaturesData.Batch train = SideFeaturesData.generate(256, 1);
        Trainer trainer = new Trainer();
        if (print) {
            trainer.addListener(ConsoleReporter.toStandardOutput());
        }
        trainer.fit(
                model,
                new float[][] {train.seq(), train.side()},
                train.y(),
                train.size(),
                TrainingOptions.defaults().withEpochs(8).withBatchSize(16).withSeed(5));
        return accuracy(model, SideFeaturesData.generate(96, 2));
    }

    /** The fraction of examples whose most probable class is their label. */
    static double accuracy(Model model, SideFeaturesData.Batch test) {
        float[] p = model.predict(new float[][] {test.seq(), test.side()}, test.size());
        return ActivityApp.accuracy(p, test.labels(), SideFeaturesData.CLASSES);
    }
}
