package dev.lamina.runtime.train;

import dev.lamina.runtime.Model;
import dev.lamina.runtime.spec.LossKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

/**
 * Keras-style training of a {@link Model} on examples held flat: {@code x} holds {@code examples}
 * inputs one after another (one such array per model input for a model with several), {@code y}
 * their targets (one value per output, or one class index per
 * row for a sparse loss). Each epoch shuffles the training examples with a stream seeded from the
 * options, runs the mini-batches (dropout on, if the model has it), then evaluates the validation
 * examples (the last {@code validationSplit} fraction, never shuffled in) with dropout off.
 *
 * <p>The same model, data, options and seed always give the same weights.
 */
public final class Trainer {
    private final List<TrainingListener> listeners = new ArrayList<>();

    /** Adds a listener, e.g. {@link ConsoleReporter#toStandardOutput()}. */
    public Trainer addListener(TrainingListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /**
     * Trains {@code model} in place and returns one result per epoch.
     *
     * @throws TrainingDivergedException when a batch's loss is NaN or infinite (that update is not
     *     applied)
     */
    public List<EpochResult> fit(Model model, float[] x, float[] y, int examples, TrainingOptions options) {
        return fit(model, new float[][] {x}, y, examples, options);
    }

    /**
     * Trains a model on one array per input (declaration order) and returns one result per epoch.
     *
     * @throws TrainingDivergedException when a batch's loss is NaN or infinite (that update is not
     *     applied)
     */
    public List<EpochResult> fit(Model model, float[][] x, float[] y, int examples, TrainingOptions options) {
        Examples data = new Examples(model, x, y, examples);
        int trainCount = (int) Math.floor(examples * (1 - options.validationSplit()));
        int validationCount = examples - trainCount;
        if (trainCount < 1 || (options.validationSplit() > 0 && validationCount < 1)) {
            throw new IllegalArgumentException("a validation split of " + options.validationSplit() + " on "
                    + examples + " examples leaves " + trainCount + " for training and " + validationCount
                    + " for validation; each needs at least one");
        }
        SplittableRandom shuffling = new SplittableRandom(options.seed());
        model.setDropoutSeed(options.seed() + 1);
        int[] order = new int[trainCount];
        for (int i = 0; i < trainCount; i++) {
            order[i] = i;
        }
        int batches = (trainCount + options.batchSize() - 1) / options.batchSize();
        LossKind lossKind = model.loss().kind();
        boolean withAccuracy = Accuracy.appliesTo(lossKind);
        List<EpochResult> history = new ArrayList<>();
        for (int epoch = 1; epoch <= options.epochs(); epoch++) {
            long start = System.nanoTime();
            if (options.shuffle()) {
                shuffle(order, shuffling);
            }
            double lossSum = 0;
            long correct = 0;
            long judged = 0;
            for (int b = 0; b < batches; b++) {
                int first = b * options.batchSize();
                int size = Math.min(options.batchSize(), trainCount - first);
                Examples.Batch batch = data.gather(order, first, size);
                float loss = model.computeGradients(batch.x(), batch.y(), size);
                if (!Float.isFinite(loss)) {
                    throw new TrainingDivergedException(epoch, b + 1, loss);
                }
                model.optimizer().step(model.trainableParameters());
                lossSum += (double) loss * size;
                if (withAccuracy) {
                    float[] output = model.trainingOutput();
                    int lastAxis = model.outputShape().last();
                    correct += Accuracy.correct(lossKind, output, batch.y(), output.length, lastAxis);
                    judged += Accuracy.judged(lossKind, output.length, lastAxis);
                }
                double meanSoFar = lossSum / (first + size);
                for (TrainingListener listener : listeners) {
                    listener.onBatchEnd(epoch, b + 1, batches, meanSoFar);
                }
            }
            OptionalDouble validationLoss = OptionalDouble.empty();
            OptionalDouble validationAccuracy = OptionalDouble.empty();
            if (validationCount > 0) {
                Evaluation evaluation = evaluate(model, data, trainCount, validationCount, options.batchSize());
                validationLoss = OptionalDouble.of(evaluation.loss());
                validationAccuracy = evaluation.accuracy();
            }
            EpochResult result = new EpochResult(
                    epoch,
                    options.epochs(),
                    lossSum / trainCount,
                    withAccuracy ? OptionalDouble.of((double) correct / judged) : OptionalDouble.empty(),
                    validationLoss,
                    validationAccuracy,
                    (System.nanoTime() - start) / 1_000_000);
            history.add(result);
            for (TrainingListener listener : listeners) {
                listener.onEpochEnd(result);
            }
        }
        return List.copyOf(history);
    }

    /** The loss (and accuracy for a classifier) of {@code model} in inference mode on examples. */
    public static Evaluation evaluate(Model model, float[] x, float[] y, int examples, int batchSize) {
        return evaluate(model, new float[][] {x}, y, examples, batchSize);
    }

    /** {@link #evaluate(Model, float[], float[], int, int)} on one array per input. */
    public static Evaluation evaluate(Model model, float[][] x, float[] y, int examples, int batchSize) {
        return evaluate(model, new Examples(model, x, y, examples), 0, examples, batchSize);
    }

    private static Evaluation evaluate(Model model, Examples data, int first, int count, int batchSize) {
        LossKind lossKind = model.loss().kind();
        int lastAxis = model.outputShape().last();
        double lossSum = 0;
        long correct = 0;
        long judged = 0;
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = first + i;
        }
        float[] gradient = new float[0];
        for (int start = 0; start < count; start += batchSize) {
            int size = Math.min(batchSize, count - start);
            Examples.Batch batch = data.gather(order, start, size);
            float[] output = model.predict(batch.x(), size);
            if (gradient.length < output.length) {
                gradient = new float[output.length];
            }
            float loss = model.loss().compute(output, batch.y(), output.length, lastAxis, gradient);
            lossSum += (double) loss * size;
            if (Accuracy.appliesTo(lossKind)) {
                correct += Accuracy.correct(lossKind, output, batch.y(), output.length, lastAxis);
                judged += Accuracy.judged(lossKind, output.length, lastAxis);
            }
        }
        return new Evaluation(
                lossSum / count,
                Accuracy.appliesTo(lossKind) ? OptionalDouble.of((double) correct / judged) : OptionalDouble.empty());
    }

    /** Fisher-Yates with the given stream. */
    private static void shuffle(int[] order, SplittableRandom random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }
}
