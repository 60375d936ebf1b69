package dev.lamina.runtime.train;

import dev.lamina.runtime.Model;
import dev.lamina.runtime.ModelWeights;
import dev.lamina.runtime.Parameter;
import dev.lamina.runtime.io.WeightsFormatException;
import dev.lamina.runtime.spec.LossKind;
import dev.lamina.runtime.spec.TrainingSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.SplittableRandom;

/**
 * Keras-style training of a {@link Model} on examples held flat: {@code x} holds {@code examples}
 * inputs one after another (one such array per model input for a model with several), {@code y}
 * their targets (one value per output, or one class index per row for a sparse loss). Each epoch
 * shuffles the training examples, runs the mini-batches (dropout on, if the model has it), then
 * evaluates the validation examples (the last {@code validationSplit} fraction, never shuffled in)
 * with dropout off.
 *
 * <p>Randomness: epoch {@code e} draws from one stream seeded with a long {@code s_e}, with {@code
 * s_1} the options' seed: first the permutation of the training examples (Fisher-Yates from file
 * order), then the seed of the epoch's dropout stream, then {@code s_(e+1)}. That long is the whole
 * random-generator state between epochs, so a run resumed from a {@link Checkpoint} continues
 * exactly. The same model, data, options and seed always give the same weights, on any number of
 * threads.
 *
 * <p>Every value the training meets must be finite: a batch whose examples hold NaN or infinity,
 * whose loss or gradient is not finite stops training before its update ({@link
 * TrainingDivergedException}); validation examples are checked before the first epoch. Optional
 * parts: {@link EarlyStopping}, {@link #checkpoints} every few epochs, and {@link #resumeFrom}.
 */
public final class Trainer {
    private final List<TrainingListener> listeners = new ArrayList<>();
    private EarlyStopping earlyStopping;
    private Path checkpointDirectory;
    private int checkpointEvery;
    private Checkpoint resumeFrom;

    /** Adds a listener, e.g. {@link ConsoleReporter#toStandardOutput()}. */
    public Trainer addListener(TrainingListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /** Stops training early with this rule; it reports the outcome after {@link #fit}. */
    public Trainer earlyStopping(EarlyStopping rule) {
        this.earlyStopping = Objects.requireNonNull(rule, "rule");
        return this;
    }

    /**
     * Writes a {@link Checkpoint} to {@code directory} after every {@code every}-th epoch, the last
     * one and the one early stopping stops at, each replacing the previous one atomically.
     */
    public Trainer checkpoints(Path directory, int every) {
        if (every < 1) {
            throw new IllegalArgumentException("checkpoints must be at least 1 epoch apart, got " + every);
        }
        this.checkpointDirectory = Objects.requireNonNull(directory, "directory");
        this.checkpointEvery = every;
        return this;
    }

    /**
     * Makes {@link #fit} continue from {@code checkpoint} instead of starting afresh; the run must have
     * the checkpoint's settings ({@link Checkpoint#settings()}), and the options may only raise the
     * number of epochs.
     */
    public Trainer resumeFrom(Checkpoint checkpoint) {
        this.resumeFrom = Objects.requireNonNull(checkpoint, "checkpoint");
        return this;
    }

    /**
     * Trains {@code model} in place and returns one result per epoch (those of the checkpoint it
     * resumed from first).
     *
     * @throws TrainingDivergedException when a value of a batch is NaN or infinite (that update is
     *     not applied)
     * @throws IllegalArgumentException when the data does not fit the model, a validation example is
     *     not finite, early stopping monitors what is not measured, or the checkpoint to resume from
     *     does not fit this run
     * @throws UncheckedIOException when a checkpoint cannot be written
     */
    public List<EpochResult> fit(Model model, float[] x, float[] y, int examples, TrainingOptions options) {
        return fit(model, new float[][] {x}, y, examples, options);
    }

    /**
     * {@link #fit(Model, float[], float[], int, TrainingOptions)} on one array per input
     * (declaration order).
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
        LossKind lossKind = model.loss().kind();
        boolean withAccuracy = Accuracy.appliesTo(lossKind);
        checkMonitor(validationCount > 0, withAccuracy);
        for (int e = trainCount; e < examples; e++) {
            Examples.NonFinite bad = data.firstNonFinite(e);
            if (bad != null) {
                throw new IllegalArgumentException("example " + bad.example() + " of " + bad.array()
                        + " (a validation example) holds " + bad.value() + " (its value " + bad.index()
                        + "); training did not start");
            }
        }
        Map<String, String> settings =
                checkpointDirectory == null && resumeFrom == null ? Map.of() : settings(model, data, options);
        List<EpochResult> history = new ArrayList<>();
        int done = 0;
        long streamSeed = options.seed();
        Optional<EarlyStopping.State> stoppingState = Optional.empty();
        if (resumeFrom != null) {
            resume(model, settings, options);
            history.addAll(resumeFrom.history());
            done = resumeFrom.epoch();
            streamSeed = resumeFrom.streamSeed();
            stoppingState = resumeFrom.earlyStopping();
        }
        if (earlyStopping != null) {
            earlyStopping.begin(stoppingState.orElse(null));
        }
        for (TrainingListener listener : listeners) {
            listener.onTrainBegin(List.copyOf(history));
        }
        int[] order = new int[trainCount];
        int batches = (trainCount + options.batchSize() - 1) / options.batchSize();
        for (int epoch = done + 1; epoch <= options.epochs(); epoch++) {
            long start = System.nanoTime();
            for (TrainingListener listener : listeners) {
                listener.onEpochBegin(epoch, options.epochs());
            }
            SplittableRandom random = new SplittableRandom(streamSeed);
            for (int i = 0; i < trainCount; i++) {
                order[i] = i;
            }
            if (options.shuffle()) {
                shuffle(order, random);
            }
            model.setDropoutSeed(random.nextLong());
            streamSeed = random.nextLong();
            double lossSum = 0;
            long correct = 0;
            long judged = 0;
            for (int b = 0; b < batches; b++) {
                int first = b * options.batchSize();
                int size = Math.min(options.batchSize(), trainCount - first);
                Examples.NonFinite bad = data.firstNonFinite(order, first, size);
                if (bad != null) {
                    throw TrainingDivergedException.data(
                            epoch, b + 1, bad.example(), bad.array(), bad.index(), bad.value());
                }
                Examples.Batch batch = data.gather(order, first, size);
                float loss = model.computeGradients(batch.x(), batch.y(), size);
                if (!Float.isFinite(loss)) {
                    throw TrainingDivergedException.loss(
                            epoch, b + 1, exampleWithNonFiniteLoss(model, data, batch, size, order, first), loss);
                }
                checkGradients(model, epoch, b + 1);
                model.optimizer().step(model.trainableParameters());
                lossSum += (double) loss * size;
                if (withAccuracy) {
                    float[] output = model.trainingOutput();
                    int lastAxis = model.outputShape().last();
                    correct += Accuracy.correct(lossKind, output, batch.y(), output.length, lastAxis);
                    judged += Accuracy.judged(lossKind, output.length, lastAxis);
                }
                BatchProgress progress = new BatchProgress(
                        epoch,
                        options.epochs(),
                        b + 1,
                        batches,
                        lossSum / (first + size),
                        withAccuracy ? OptionalDouble.of((double) correct / judged) : OptionalDouble.empty());
                for (TrainingListener listener : listeners) {
                    listener.onBatchEnd(progress);
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
            boolean stop = earlyStopping != null && earlyStopping.update(result, model);
            if (checkpointDirectory != null && (epoch % checkpointEvery == 0 || epoch == options.epochs() || stop)) {
                writeCheckpoint(model, settings, epoch, streamSeed, history);
            }
            for (TrainingListener listener : listeners) {
                listener.onEpochEnd(result);
            }
            if (stop) {
                break;
            }
        }
        if (earlyStopping != null) {
            earlyStopping.end(model);
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

    private void checkMonitor(boolean withValidation, boolean withAccuracy) {
        if (earlyStopping == null) {
            return;
        }
        Monitor monitor = earlyStopping.monitor();
        if (monitor.needsValidation() && !withValidation) {
            throw new IllegalArgumentException("early stopping monitors " + monitor.kerasName()
                    + ", which needs validation examples: set a validation split, or monitor "
                    + (monitor.needsAccuracy() ? "accuracy" : "loss"));
        }
        if (monitor.needsAccuracy() && !withAccuracy) {
            throw new IllegalArgumentException("early stopping monitors " + monitor.kerasName()
                    + ", which is measured for classifiers only (binary, categorical or sparse categorical"
                    + " crossentropy); monitor " + (monitor.needsValidation() ? "val_loss" : "loss"));
        }
    }

    /** What must not change between a run and the run that resumes it. */
    private Map<String, String> settings(Model model, Examples data, TrainingOptions options) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("model", model.name());
        settings.put("loss", model.loss().kind().kerasName());
        settings.put(
                "optimizer",
                model.spec()
                        .training()
                        .map(TrainingSpec::optimizer)
                        .map(Object::toString)
                        .orElse("default"));
        settings.put("examples", Integer.toString(data.count()));
        settings.put("data", data.digest());
        settings.put("validation_split", Double.toString(options.validationSplit()));
        settings.put("batch_size", Integer.toString(options.batchSize()));
        settings.put("shuffle", Boolean.toString(options.shuffle()));
        settings.put("seed", Long.toString(options.seed()));
        settings.put("early_stopping", earlyStopping == null ? "off" : earlyStopping.describe());
        return settings;
    }

    private void resume(Model model, Map<String, String> settings, TrainingOptions options) {
        List<String> differences = resumeFrom.differences(settings);
        if (!differences.isEmpty()) {
            throw new IllegalArgumentException("the checkpoint was made by a run with other settings ("
                    + differences.size() + " difference" + (differences.size() == 1 ? "" : "s") + "):\n  "
                    + String.join("\n  ", differences));
        }
        OptionalInt stopped = resumeFrom
                .earlyStopping()
                .filter(s -> s.stoppedEpoch() > 0)
                .map(s -> OptionalInt.of(s.stoppedEpoch()))
                .orElse(OptionalInt.empty());
        if (stopped.isPresent()) {
            throw new IllegalArgumentException("the checkpoint's run stopped early at epoch " + stopped.getAsInt()
                    + "; there is nothing left to resume");
        }
        if (resumeFrom.epoch() >= options.epochs()) {
            throw new IllegalArgumentException("the checkpoint is at epoch " + resumeFrom.epoch() + " of "
                    + options.epochs() + ": no epoch is left to train; ask for more epochs to continue");
        }
        try {
            ModelWeights.set(model, resumeFrom.weights(), "the checkpoint");
        } catch (WeightsFormatException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        model.optimizer().restore(model.parameters(), resumeFrom.optimizer());
    }

    private void writeCheckpoint(
            Model model, Map<String, String> settings, int epoch, long streamSeed, List<EpochResult> history) {
        Checkpoint checkpoint = new Checkpoint(
                settings,
                epoch,
                streamSeed,
                history,
                ModelWeights.tensors(model),
                model.optimizer().state(model.parameters()),
                earlyStopping == null ? Optional.empty() : Optional.of(earlyStopping.state()));
        try {
            checkpoint.write(checkpointDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot write the checkpoint of epoch " + epoch + " to " + checkpointDirectory + ": "
                            + e.getMessage(),
                    e);
        }
    }

    /** The first example of the batch whose own loss is not finite, if any. */
    private static OptionalInt exampleWithNonFiniteLoss(
            Model model, Examples data, Examples.Batch batch, int size, int[] order, int first) {
        float[] output = model.trainingOutput();
        int outputSize = output.length / size;
        int targetSize = data.targetSize();
        int lastAxis = model.outputShape().last();
        float[] gradient = new float[outputSize];
        for (int i = 0; i < size; i++) {
            float loss = model.loss()
                    .compute(
                            Arrays.copyOfRange(output, i * outputSize, (i + 1) * outputSize),
                            Arrays.copyOfRange(batch.y(), i * targetSize, (i + 1) * targetSize),
                            outputSize,
                            lastAxis,
                            gradient);
            if (!Float.isFinite(loss)) {
                return OptionalInt.of(order[first + i]);
            }
        }
        return OptionalInt.empty();
    }

    private static void checkGradients(Model model, int epoch, int batch) {
        List<Parameter> parameters = model.trainableParameters();
        for (int k = 0; k < parameters.size(); k++) { // indexed: no iterator per step
            float[] g = parameters.get(k).gradient();
            for (int i = 0; i < g.length; i++) {
                if (!Float.isFinite(g[i])) {
                    throw TrainingDivergedException.gradient(
                            epoch, batch, parameters.get(k).key(), g[i]);
                }
            }
        }
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
