package dev.lamina.compiler.check;

import dev.lamina.compiler.ast.AstPrinter;
import dev.lamina.compiler.ast.TrainDecl;
import dev.lamina.compiler.ast.TrainItem;
import dev.lamina.compiler.diag.Diagnostic;
import dev.lamina.compiler.diag.ErrorCode;
import dev.lamina.runtime.spec.LossKind;
import dev.lamina.runtime.spec.OptimizerSpec;
import dev.lamina.runtime.spec.TrainingSpec;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Checks a {@code train { loss ...; optimizer ... }} section and resolves Keras defaults. */
final class TrainingChecker {
    static final List<String> SETTINGS = List.of("loss", "optimizer");
    private static final List<String> LOSSES =
            Arrays.stream(LossKind.values()).map(LossKind::kerasName).toList();

    private TrainingChecker() {}

    /** The training spec, or {@code null} if the section has errors (reported to {@code sink}). */
    static TrainingSpec check(TrainDecl train, List<Diagnostic> sink) {
        int errors = sink.size();
        Map<String, TrainItem> seen = new HashMap<>();
        LossKind loss = null;
        double huberDelta = TrainingSpec.DEFAULT_HUBER_DELTA;
        OptimizerSpec optimizer = null;
        for (TrainItem item : train.items()) {
            if (!SETTINGS.contains(item.key())) {
                sink.add(Diagnostic.of(
                        ErrorCode.UNKNOWN_TRAIN_SETTING,
                        item.span(),
                        Suggestions.hint(item.key(), SETTINGS),
                        item.key()));
                continue;
            }
            if (seen.putIfAbsent(item.key(), item) != null) {
                sink.add(
                        Diagnostic.of(ErrorCode.DUPLICATE_ARGUMENT, item.span(), "keep one " + item.key(), item.key()));
                continue;
            }
            if (item.key().equals("loss")) {
                loss = loss(item, sink);
                if (loss == LossKind.HUBER) {
                    Double delta = huberDelta(item, sink);
                    loss = delta == null ? null : loss;
                    huberDelta = delta == null ? huberDelta : delta;
                }
            } else {
                optimizer = optimizer(item, sink);
            }
        }
        for (String setting : SETTINGS) {
            if (!seen.containsKey(setting)) {
                sink.add(Diagnostic.of(
                        ErrorCode.MISSING_ARGUMENT,
                        train.span(),
                        "add e.g. `" + (setting.equals("loss") ? "loss mse" : "optimizer adam(learning_rate=0.001)")
                                + "`",
                        "train",
                        setting));
            }
        }
        if (sink.size() > errors || loss == null || optimizer == null) {
            return null;
        }
        return new TrainingSpec(loss, optimizer, huberDelta);
    }

    /** huber's {@code delta} (positive; 1.0 by default). */
    private static Double huberDelta(TrainItem item, List<Diagnostic> sink) {
        Arguments args =
                Arguments.bind("huber", item.span(), Catalog.LOSS_OPTIONS.get("huber"), item.arguments(), sink);
        Double delta =
                args.numberIn("delta", TrainingSpec.DEFAULT_HUBER_DELTA, 0, false, Double.POSITIVE_INFINITY, false);
        return args.failed() ? null : delta;
    }

    private static LossKind loss(TrainItem item, List<Diagnostic> sink) {
        if (!item.arguments().isEmpty() && !Catalog.LOSS_OPTIONS.containsKey(item.setting())) {
            sink.add(Diagnostic.of(
                    ErrorCode.WRONG_TYPE,
                    item.arguments().get(0).span(),
                    "write `loss " + item.setting() + "`",
                    "loss " + item.setting(),
                    "no arguments",
                    AstPrinter.print(item.arguments().get(0).value())));
            return null;
        }
        if (!LOSSES.contains(item.setting())) {
            sink.add(Diagnostic.of(
                    ErrorCode.UNKNOWN_LOSS,
                    item.settingSpan(),
                    Suggestions.hint(item.setting(), LOSSES),
                    item.setting()));
            return null;
        }
        return LossKind.fromKerasName(item.setting());
    }

    /**
     * The optimizer's gradient clipping: at most one of {@code clipnorm}, {@code clipvalue} and
     * {@code global_clipnorm} (Keras raises otherwise), its threshold positive.
     */
    private static OptimizerSpec.Clipping clipping(Arguments args) {
        OptimizerSpec.Clipping clipping = OptimizerSpec.Clipping.NONE;
        String first = null;
        for (OptimizerSpec.Clipping.Kind kind : OptimizerSpec.Clipping.Kind.values()) {
            String option = kind.kerasName();
            if (kind == OptimizerSpec.Clipping.Kind.NONE || !args.has(option)) {
                continue;
            }
            Double threshold = args.numberIn(option, null, 0, false, Double.POSITIVE_INFINITY, false);
            if (first != null) {
                args.report(Diagnostic.of(
                        ErrorCode.CONFLICTING_OPTIONS,
                        args.span(option),
                        "keep one: clipnorm clips each gradient tensor, global_clipnorm all of them together,"
                                + " clipvalue each value",
                        "the optimizer",
                        first,
                        option));
            } else if (threshold != null) {
                clipping = OptimizerSpec.Clipping.of(kind, threshold);
            }
            first = first == null ? option : first;
        }
        return clipping;
    }

    private static OptimizerSpec optimizer(TrainItem item, List<Diagnostic> sink) {
        Signature signature = Catalog.OPTIMIZERS.get(item.setting());
        if (signature == null) {
            sink.add(Diagnostic.of(
                    ErrorCode.UNKNOWN_OPTIMIZER,
                    item.settingSpan(),
                    Suggestions.hint(item.setting(), Catalog.OPTIMIZERS.keySet()),
                    item.setting()));
            return null;
        }
        Arguments args = Arguments.bind(item.setting(), item.span(), signature, item.arguments(), sink);
        double inf = Double.POSITIVE_INFINITY;
        OptimizerSpec.Clipping clipping = clipping(args);
        OptimizerSpec spec =
                switch (item.setting()) {
                    case "sgd" -> {
                        Double lr = args.numberIn(
                                "learning_rate", OptimizerSpec.Sgd.DEFAULT_LEARNING_RATE, 0, false, inf, false);
                        Double momentum = args.numberIn("momentum", 0.0, 0, true, 1, true);
                        Boolean nesterov = args.bool("nesterov", false);
                        yield args.failed() ? null : new OptimizerSpec.Sgd(lr, momentum, nesterov, clipping);
                    }
                    case "adam" -> {
                        Double lr = args.numberIn(
                                "learning_rate", OptimizerSpec.Adam.DEFAULT_LEARNING_RATE, 0, false, inf, false);
                        Double beta1 = args.numberIn("beta_1", OptimizerSpec.Adam.DEFAULT_BETA_1, 0, true, 1, false);
                        Double beta2 = args.numberIn("beta_2", OptimizerSpec.Adam.DEFAULT_BETA_2, 0, true, 1, false);
                        Double epsilon =
                                args.numberIn("epsilon", OptimizerSpec.Adam.DEFAULT_EPSILON, 0, false, inf, false);
                        yield args.failed() ? null : new OptimizerSpec.Adam(lr, beta1, beta2, epsilon, clipping);
                    }
                    case "adamw" -> {
                        Double lr = args.numberIn(
                                "learning_rate", OptimizerSpec.AdamW.DEFAULT_LEARNING_RATE, 0, false, inf, false);
                        Double decay = args.numberIn(
                                "weight_decay", OptimizerSpec.AdamW.DEFAULT_WEIGHT_DECAY, 0, true, inf, false);
                        Double beta1 = args.numberIn("beta_1", OptimizerSpec.Adam.DEFAULT_BETA_1, 0, true, 1, false);
                        Double beta2 = args.numberIn("beta_2", OptimizerSpec.Adam.DEFAULT_BETA_2, 0, true, 1, false);
                        Double epsilon =
                                args.numberIn("epsilon", OptimizerSpec.Adam.DEFAULT_EPSILON, 0, false, inf, false);
                        yield args.failed()
                                ? null
                                : new OptimizerSpec.AdamW(lr, decay, beta1, beta2, epsilon, clipping);
                    }
                    case "adagrad" -> {
                        Double lr = args.numberIn(
                                "learning_rate", OptimizerSpec.Adagrad.DEFAULT_LEARNING_RATE, 0, false, inf, false);
                        Double initial = args.numberIn(
                                "initial_accumulator_value",
                                OptimizerSpec.Adagrad.DEFAULT_INITIAL_ACCUMULATOR_VALUE,
                                0,
                                true,
                                inf,
                                false);
                        Double epsilon =
                                args.numberIn("epsilon", OptimizerSpec.Adagrad.DEFAULT_EPSILON, 0, false, inf, false);
                        yield args.failed() ? null : new OptimizerSpec.Adagrad(lr, initial, epsilon, clipping);
                    }
                    default -> {
                        Double lr = args.numberIn(
                                "learning_rate", OptimizerSpec.RmsProp.DEFAULT_LEARNING_RATE, 0, false, inf, false);
                        Double rho = args.numberIn("rho", OptimizerSpec.RmsProp.DEFAULT_RHO, 0, true, 1, false);
                        Double epsilon =
                                args.numberIn("epsilon", OptimizerSpec.RmsProp.DEFAULT_EPSILON, 0, false, inf, false);
                        yield args.failed() ? null : new OptimizerSpec.RmsProp(lr, rho, epsilon, clipping);
                    }
                };
        return spec;
    }
}
