package dev.lamina.samples;

import dev.lamina.runtime.train.ConsoleReporter;
import dev.lamina.runtime.train.Trainer;
import dev.lamina.runtime.train.TrainingOptions;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A text CNN (embedding, conv1d with same padding, global max pooling, dense sigmoid) learns a toy
 * sentiment rule: a sentence of 12 token ids is positive when it holds one of the words 1-5
 * ("good", "great", ...) and negative when it holds one of 6-10; words 11-29 are filler, 0 pads.
 */
public final class SentimentApp {
    static final int LENGTH = 12;

    private SentimentApp() {}

    public static void main(String[] args) {
        double accuracy = trainAndTest(true);
        System.out.printf(Locale.ROOT, "held-out accuracy: %.1f%%%n", accuracy * 100);
    }

    /** Trains on 400 sentences and returns the accuracy on 200 others. */
    static double trainAndTest(boolean print) {
        Sentiment model = new Sentiment(5);
        float[][] train = sentences(400, 11);
        Trainer trainer = new Trainer();
        if (print) {
            trainer.addListener(ConsoleReporter.toStandardOutput());
        }
        trainer.fit(
                model,
                train[0],
                train[1],
                400,
                TrainingOptions.defaults().withEpochs(8).withBatchSize(16).withSeed(1));
        float[][] test = sentences(200, 12);
        float[] p = model.predict(test[0], 200);
        int correct = 0;
        for (int i = 0; i < 200; i++) {
            if ((p[i] > 0.5f) == (test[1][i] == 1f)) {
                correct++;
            }
        }
        return correct / 200.0;
    }

    /** {ids (n, 12), labels (n)}: filler words, one sentiment word at a random place, padding. */
    static float[][] sentences(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] ids = new float[n * LENGTH];
        float[] labels = new float[n];
        for (int s = 0; s < n; s++) {
            boolean positive = random.nextBoolean();
            labels[s] = positive ? 1 : 0;
            int words = 4 + random.nextInt(LENGTH - 3);
            for (int w = 0; w < words; w++) {
                ids[s * LENGTH + w] = 11 + random.nextInt(19);
            }
            int sentimentWord = (positive ? 1 : 6) + random.nextInt(5);
            ids[s * LENGTH + random.nextInt(words)] = sentimentWord;
        }
        return new float[][] {ids, labels};
    }
}
