package dev.lamina.samples;

import dev.lamina.runtime.Model;
import dev.lamina.runtime.train.ConsoleReporter;
import dev.lamina.runtime.train.Trainer;
import dev.lamina.runtime.train.TrainingOptions;
import java.util.Locale;

/**
 * Trains the seed activity CNN (511 steps x 2 channels to 4 activities, 519,164 parameters) on
 * synthetic sensor data and reports its accuracy on recordings it never saw.
 */
public final class ActivityApp {
    private ActivityApp() {}

    public static void main(String[] args) {
        double accuracy = trainAndTest(160, 3, true);
        System.out.printf(Locale.ROOT, "held-out accuracy: %.1f%%%n", accuracy * 100);
    }

    /** Trains on {@code examples} recordings for {@code epochs} and returns accuracy on 80 others. */
    static double trainAndTest(int examples, int epochs, boolean print) {
        ActivityCnn model = new ActivityCnn(7);
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
                TrainingOptions.defaults().withEpochs(epochs).withBatchSize(16).withSeed(3));
        return accuracy(model, SensorData.generate(80, 2));
    }

    /** The fraction of examples whose most probable class is their label. */
    static double accuracy(Model model, SensorData.Batch test) {
        return accuracy(model.predict(test.x(), test.size()), test.labels(), SensorData.CLASSES);
    }

    /** The fraction of rows of {@code probabilities} ({@code classes} each) whose largest is at the row's label. */
    static double accuracy(float[] probabilities, int[] labels, int classes) {
        int correct = 0;
        for (int e = 0; e < labels.length; e++) {
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (probabilities[e * classes + c] > probabilities[e * classes + best]) {
                    best = c;
                }
            }
            if (best == labels[e]) {
                correct++;
            }
        }
        return (double) correct / labels.length;
    }
}
