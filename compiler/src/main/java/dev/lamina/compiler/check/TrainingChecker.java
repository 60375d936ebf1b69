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
        return new TrainingSpec(loss, optimizer);
    }

    private static LossKind loss(TrainItem item, List<Diagnostic> sink) {
        if (!item.arguments().isEmpty()) {
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
        OptimizerSpec spec =
                switch (item.setting()) {
                    case "sgd" -> {
                        Double lr = args.numberIn(
                                "learning_rate", OptimizerSpec.Sgd.DEFAULT_LEARNING_RATE, 0, false, inf, false);
                        Double momentum = args.numberIn("momentum", 0.0, 0, true, 1, true);
                        Boolean nesterov = args.bool("nesterov", false);
                        yield args.failed() ? null : new OptimizerSpec.Sgd(lr, momentum, nesterov);
                    }
                    case "adam" -> {
                        Double lr = args.numberIn(
                                "learning_rate", OptimizerSpec.Adam.DEFAULT_LEARNING_RATE, 0, false, inf, false);
                        Double beta1 = args.numberIn("beta_1", OptimizerSpec.Adam.DEFAULT_BETA_1, 0, true, 1, false);
                        Double beta2 = args.numberIn("beta_2", OptimizerSpec.Adam.DEFAULT_BETA_2, 0, true, 1, false);
                        Double epsilon =
                                args.numberIn("epsilon", OptimizerSpec.Adam.DEFAULT_EPSILON, 0, false, inf, false);
                        yield args.failed() ? null : new OptimizerSpec.Adam(lr, beta1, beta2, epsilon);
                    }
                    default -> {
                        Double lr = args.numberIn(
                                "learning_rate", OptimizerSpec.RmsProp.DEFAULT_LEARNING_RATE, 0, false, inf, false);
                        Double rho = args.numberIn("rho", OptimizerSpec.RmsProp.DEFAULT_RHO, 0, true, 1, false);
                        Double epsilon =
                                args.numberIn("epsilon", OptimizerSpec.RmsProp.DEFAULT_EPSILON, 0, false, inf, false);
                        yield args.failed() ? null : new OptimizerSpec.RmsProp(lr, rho, epsilon);
                    }
                };
        return spec;
    }
}
