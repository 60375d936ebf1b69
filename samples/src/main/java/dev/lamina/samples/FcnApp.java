package dev.lamina.samples;

import dev.lamina.runtime.train.ConsoleReporter;
import dev.lamina.runtime.train.Trainer;
import dev.lamina.runtime.train.TrainingOptions;
import java.util.Locale;

/**
 * Trains FCN (Wang et al. 2017: three conv, batch normalization, relu blocks; 267,268 parameters
 * on these recordings, 1,024 of them the normalizations' moving statistics) on the synthetic sensor
 * data and reports its accuracy on recordings it never saw. Training normalizes with each batch's
 * statistics; the held-out predictions use the moving statistics the training steps kept.
 */
public final class FcnApp {
    private FcnApp() {}

    public static void main(String[] args) {
        double accuracy = trainAndTest(160, 3, true);
        System.out.printf(Locale.ROOT, "held-out accuracy: %.1f%%%n", accuracy * 100);
    }

    /**
     * Trains on {@code examples} recordings for {@code epochs} in batches of 8 (160 examples and 3
     * epochs make 60 steps, enough for the moving statistics to follow the network) and returns the
     * accuracy on 80 others.
     */
    static double trainAndTest(int examples, int epochs, boolean print) {
        Fcn model = new Fcn(7);
        SensorData.Batch train = SensorData.generate(examples, 1);
        Trainer trainer = new Trainer();
        if (print) {
            trainer.addListener(ConsoleReporter.toStandardOutput());
        }
        trainer.fit(
                model,
                train.x(),
                train.y(),
                train.size(),
                TrainingOptions.defaults().withEpochs(epochs).withBatchSize(8).withSeed(3));
        return ActivityApp.accuracy(model, SensorData.generate(80, 2));
    }
}
