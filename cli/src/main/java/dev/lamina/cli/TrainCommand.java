package dev.lamina.cli;

import dev.lamina.compiler.CheckedModel;
import dev.lamina.compiler.codegen.Backend;
import dev.lamina.runtime.Model;
import dev.lamina.runtime.spec.LossKind;
import dev.lamina.runtime.spec.OptimizerSpec;
import dev.lamina.runtime.spec.TrainingSpec;
import dev.lamina.runtime.train.Checkpoint;
import dev.lamina.runtime.train.ConsoleReporter;
import dev.lamina.runtime.train.EarlyStopping;
import dev.lamina.runtime.train.EpochResult;
import dev.lamina.runtime.train.HistoryFile;
import dev.lamina.runtime.train.Trainer;
import dev.lamina.runtime.train.TrainingDivergedException;
import dev.lamina.runtime.train.TrainingOptions;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code lamina train SPEC --x X --y Y}: trains a model on {@code .npy} or {@code .csv} data with
 * the loss and optimizer of its {@code train} section, printing Keras-style epoch lines (with a
 * progress bar on a terminal), and saves the weights with {@code --save}. It can write the history
 * to a CSV file, stop early, keep checkpoints and resume from one. Every file it will write is
 * checked before training starts; nothing is saved when training fails.
 */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = "Trains a model on .npy or .csv data and saves its weights.")
public final class TrainCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    ModelOptions modelOptions;

    @Option(names = "--model", paramLabel = "NAME", description = "The model to train, when the file has several.")
    String modelName;

    @Option(
            names = "--y",
            required = true,
            paramLabel = "Y",
            description = "Targets: .npy of shape (N, *output shape) (class indices for"
                    + " sparse_categorical_crossentropy), or .csv with one flattened example per row.")
    Path y;

    @Option(
            names = "--epochs",
            paramLabel = "N",
            defaultValue = "10",
            description = "Epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(
            names = "--batch-size",
            paramLabel = "B",
            defaultValue = "32",
            description = "Examples per mini-batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(
            names = "--validation-split",
            paramLabel = "F",
            defaultValue = "0",
            description =
                    "Fraction of the examples, the last ones, held out for validation (default: ${DEFAULT-VALUE}).")
    double validationSplit;

    @Option(
            names = "--seed",
            paramLabel = "S",
            defaultValue = "0",
            description = "Seed of the initial weights, the shuffling and dropout (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--no-shuffle", description = "Keep the examples in file order in every epoch.")
    boolean noShuffle;

    @Option(names = "--save", paramLabel = "WEIGHTS", description = "Where to write the trained weights.")
    Path save;

    @Option(
            names = "--weights",
            paramLabel = "INITIAL",
            description = "Start from these weights instead of the seeded initialization (not read with"
                    + " --resume, which starts from the checkpoint's).")
    Path initialWeights;

    @Option(
            names = "--log-every",
            paramLabel = "N",
            defaultValue = "1",
            description = "Print every N-th epoch, and the last (default: ${DEFAULT-VALUE}).")
    int logEvery;

    @Option(
            names = "--show-weights",
            description = "Print the weights after each printed epoch (models of at most " + Describe.MAX_SHOWN_VALUES
                    + " values).")
    boolean showWeights;

    @Option(
            names = "--progress",
            paramLabel = "MODE",
            converter = ProgressMode.Converter.class,
            description = ProgressMode.DESCRIPTION)
    ProgressMode progress;

    @Option(names = "--quiet", description = "Print nothing but errors.")
    boolean quiet;

    @Option(
            names = "--history",
            paramLabel = "CSV",
            description = "Write one row per epoch to this CSV file (epoch, loss, accuracy, val_loss,"
                    + " val_accuracy as measured), rewritten after every epoch; `lamina plot` draws it.")
    Path history;

    @Mixin
    StoppingOptions stopping;

    @Mixin
    CheckpointOptions checkpoints;

    @Override
    public Integer call() {
        TrainingOptions options = options();
        Optional<EarlyStopping> rule = stopping.rule(spec.commandLine(), validationSplit);
        checkpoints.check(spec.commandLine());
        OptionalInt relaunched = modelOptions.checkBackend(spec.commandLine());
        if (relaunched.isPresent()) {
            return relaunched.getAsInt();
        }
        if (save != null) {
            FileErrors.checkWritableFile("--save", save, "model.weights");
        }
        if (history != null) {
            FileErrors.checkWritableFile("--history", history, "history.csv");
        }
        checkpoints.prepare();
        Optional<Checkpoint> resumed = checkpoints.read();
        Optional<ModelOptions.Loaded> loaded = modelOptions.load(spec.commandLine(), modelName);
        if (loaded.isEmpty()) {
            return LaminaCli.EXIT_FAILURE;
        }
        CheckedModel definition = loaded.get().definition();
        ModelInputs inputs = loaded.get().inputs();
        LossKind loss = definition.spec().training().map(TrainingSpec::loss).orElse(LossKind.MSE);
        DataFiles.Examples targets = DataFiles.targets(
                "--y", y, SingleModel.outputShape(definition, inputs.shapes()), loss, definition.name());
        DataFiles.checkSameCount(inputs.first(), targets);
        Model model = modelOptions.create(definition.spec(), seed);
        if (initialWeights != null && resumed.isEmpty()) {
            WeightsFiles.load(model, initialWeights);
        }
        PrintWriter out = quiet
                ? new PrintWriter(Writer.nullWriter())
                : spec.commandLine().getOut();
        printHeader(out, definition, model, inputs.count(), rule, resumed);
        boolean weightsShown = showWeights && Describe.weightsShown(model);
        if (showWeights && !weightsShown) {
            out.println("(--show-weights: the model has " + BatchShapes.count(model.parameterCount())
                    + " values, more than " + Describe.MAX_SHOWN_VALUES + "; not shown)");
        } else if (weightsShown && resumed.isEmpty()) {
            out.println(initialWeights == null ? "Initial weights (seed " + seed + "):" : "Initial weights:");
            Describe.weights(model, out);
        }
        boolean bar = !quiet && (progress == null ? ProgressMode.AUTO : progress).bar();
        EpochLog log =
                new EpochLog(new ConsoleReporter(out, bar, logEvery, System::nanoTime), out, model, weightsShown);
        Trainer trainer = new Trainer().addListener(log);
        if (history != null) {
            trainer.addListener(new HistoryFile(history));
        }
        rule.ifPresent(trainer::earlyStopping);
        if (checkpoints.directory != null) {
            trainer.checkpoints(checkpoints.directory, checkpoints.every());
        }
        resumed.ifPresent(trainer::resumeFrom);
        List<EpochResult> results;
        try {
            results = trainer.fit(model, inputs.arrays(), targets.values(), inputs.count(), options);
        } catch (TrainingDivergedException e) {
            log.endLine();
            out.flush();
            spec.commandLine()
                    .getErr()
                    .println("lamina: " + e.getMessage() + (save == null ? "" : "; nothing was saved to " + save));
            return LaminaCli.EXIT_FAILURE;
        } catch (RuntimeException e) {
            log.endLine();
            out.flush();
            throw e;
        }
        printOutcome(out, results, resumed, rule);
        if (save != null) {
            WeightsFiles.save(model, save);
            out.println("Saved the weights to " + save);
        } else {
            out.println("The weights were not saved (use --save FILE to keep them)");
        }
        out.flush();
        return LaminaCli.EXIT_OK;
    }

    private TrainingOptions options() {
        if (epochs < 1) {
            throw usage("--epochs must be at least 1, got " + epochs);
        }
        if (batchSize < 1) {
            throw usage("--batch-size must be at least 1, got " + batchSize);
        }
        if (!(validationSplit >= 0 && validationSplit < 1)) {
            throw usage("--validation-split must be in [0, 1), got " + validationSplit);
        }
        if (logEvery < 1) {
            throw usage("--log-every must be at least 1, got " + logEvery);
        }
        if (quiet && (showWeights || progress != null)) {
            throw usage(
                    "--quiet prints nothing but errors; drop it or " + (showWeights ? "--show-weights" : "--progress"));
        }
        return new TrainingOptions(epochs, batchSize, validationSplit, seed, !noShuffle);
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private void printHeader(
            PrintWriter out,
            CheckedModel definition,
            Model model,
            int examples,
            Optional<EarlyStopping> rule,
            Optional<Checkpoint> resumed) {
        int training = (int) Math.floor(examples * (1 - validationSplit));
        String optimizer = definition
                .spec()
                .training()
                .map(t -> Describe.optimizer(t.optimizer()))
                .orElse(Describe.optimizer(new OptimizerSpec.Adam(
                                OptimizerSpec.Adam.DEFAULT_LEARNING_RATE,
                                OptimizerSpec.Adam.DEFAULT_BETA_1,
                                OptimizerSpec.Adam.DEFAULT_BETA_2,
                                OptimizerSpec.Adam.DEFAULT_EPSILON))
                        + " (the spec has no train section)");
        out.println("Training model " + definition.name() + " from " + modelOptions.file + " with the "
                + modelOptions.engine.optionName() + " engine"
                + (modelOptions.backend == Backend.SCALAR ? "" : " (" + modelOptions.backend.optionName() + " backend)")
                + (modelOptions.threads == 1 ? "" : ", " + modelOptions.threads + " threads"));
        long frozen = model.parameterCount() - model.trainableParameterCount();
        out.println("  parameters: " + BatchShapes.count(model.parameterCount())
                + (frozen == 0 ? "" : " (" + BatchShapes.count(frozen) + " non-trainable)"));
        out.println("  loss: " + Describe.loss(model.loss()) + ", optimizer: " + optimizer);
        out.println("  examples: " + training + " for training, " + (examples - training) + " for validation;"
                + " batch size " + batchSize + ", " + Plural.of(epochs, "epoch") + ", seed " + seed
                + (noShuffle ? ", not shuffled" : ""));
        rule.ifPresent(r -> out.println("  early stopping: " + r.describe()));
        if (checkpoints.directory != null) {
            out.println("  checkpoint: " + checkpoints.directory + ", every "
                    + (checkpoints.every() == 1 ? "epoch" : Plural.of(checkpoints.every(), "epoch") + " and the last"));
        }
        resumed.ifPresent(c -> out.println("  resuming from " + checkpoints.resume + " after epoch " + c.epoch()));
        if (history != null) {
            out.println("  history: " + history);
        }
    }

    /** How training ended: where early stopping stopped, the final metrics, which epoch's weights are kept. */
    private static void printOutcome(
            PrintWriter out, List<EpochResult> results, Optional<Checkpoint> resumed, Optional<EarlyStopping> rule) {
        EpochResult last = results.get(results.size() - 1);
        rule.ifPresent(r -> r.stoppedEpoch()
                .ifPresent(stopped -> out.println("Stopped early at epoch " + stopped + " of " + last.epochs() + ": "
                        + r.monitor().kerasName() + " has not improved for "
                        + Plural.of(r.state().waited(), "epoch")
                        + (Double.isFinite(r.best())
                                ? " (best " + fourDecimals(r.best()) + ", at epoch " + r.bestEpoch() + ")"
                                : ""))));
        int thisRun = results.size() - resumed.map(Checkpoint::epoch).orElse(0);
        out.println("Trained " + Plural.of(last.epoch(), "epoch")
                + (resumed.isPresent() ? " (" + thisRun + " in this run)" : "") + ": final loss "
                + fourDecimals(last.loss())
                + last.validationLoss().stream()
                        .mapToObj(v -> ", val_loss " + fourDecimals(v))
                        .findFirst()
                        .orElse(""));
        rule.ifPresent(r -> out.println(keptWeights(r, last.epoch())));
    }

    /** Which epoch's weights training ended with, e.g. {@code Restored the weights of epoch 4, the best (val_loss 0.2)}. */
    private static String keptWeights(EarlyStopping rule, int lastEpoch) {
        String name = rule.monitor().kerasName();
        if (!Double.isFinite(rule.best())) {
            return (rule.restored()
                            ? "Restored the weights of epoch " + rule.bestEpoch()
                            : "Kept the weights of the last epoch, " + lastEpoch)
                    + " (no epoch had a finite " + name + ")";
        }
        String best = name + " " + fourDecimals(rule.best());
        if (rule.bestEpoch() == lastEpoch) {
            return "Kept the weights of the last epoch, " + lastEpoch + ", the best (" + best + ")";
        }
        if (rule.restored()) {
            return "Restored the weights of epoch " + rule.bestEpoch() + ", the best (" + best + ")";
        }
        return "Kept the weights of the last epoch, " + lastEpoch + " (the best was epoch " + rule.bestEpoch() + ", "
                + best + "; --restore-best keeps the best)";
    }

    private static String fourDecimals(double value) {
        return String.format(java.util.Locale.ROOT, "%.4f", value);
    }
}
