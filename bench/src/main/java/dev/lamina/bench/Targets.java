package dev.lamina.bench;

import dev.lamina.bench.FlopCount.Mode;
import dev.lamina.runtime.spec.ModelSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The performance targets of issues 6, 7 and 12, each judged {@code met} or {@code MISSED} from the
 * measurements of one run ({@code not measured} when the run left a needed row out).
 */
final class Targets {
    static final String HEADER = "issue\ttarget\tmeasured\tverdict";

    private final List<Measurement> rows;
    private final Map<String, ModelSpec> specs;

    Targets(List<Measurement> rows, Map<String, ModelSpec> specs) {
        this.rows = rows;
        this.specs = specs;
    }

    /** The header, then one tab-separated line per target. */
    List<String> table() {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        lines.add(speedup("6", "generated >= 10x interpreter, toy forward, batch 1", "toy", 1, Mode.FORWARD, 10));
        lines.add(speedup("6", "generated >= 10x interpreter, toy train step, batch 1", "toy", 1, Mode.TRAIN_STEP, 10));
        lines.add(speedup(
                "6",
                "generated >= 3x interpreter, activity_cnn train step, batch 1",
                "activity_cnn",
                1,
                Mode.TRAIN_STEP,
                3));
        lines.add(speedup(
                "6",
                "generated >= 3x interpreter, activity_cnn train step, batch 32",
                "activity_cnn",
                32,
                Mode.TRAIN_STEP,
                3));
        lines.add(below("6", "generated toy forward < 20 ns, batch 1", Mode.FORWARD, 20));
        lines.add(below("6", "generated toy train step < 200 ns, batch 1", Mode.TRAIN_STEP, 200));
        lines.add(versusPytorch(
                "6",
                "generated activity_cnn forward, batch 1, no slower than pytorch",
                "generated",
                1,
                Mode.FORWARD,
                1));
        lines.add(versusPytorch(
                "6",
                "generated activity_cnn train step, batch 1, no slower than pytorch",
                "generated",
                1,
                Mode.TRAIN_STEP,
                1));
        lines.add(zeroAllocation());
        lines.add(layerGflops());
        lines.add(versusPytorch(
                "7",
                "vector activity_cnn train step, batch 32, no slower than pytorch",
                "vector",
                32,
                Mode.TRAIN_STEP,
                1));
        lines.add(versusPytorch(
                "7", "vector activity_cnn train step, batch 1, >= 3x pytorch", "vector", 1, Mode.TRAIN_STEP, 3));
        lines.add(threadScaling());
        lines.add(fusedNormalization(1));
        lines.add(fusedNormalization(32));
        return lines;
    }

    /** Issue 12: inference of conv, batch normalization, relu costs at most 10% more than the conv with relu. */
    private String fusedNormalization(int batch) {
        String target = "vector conv_bn_relu forward within 10% of conv_relu, batch " + batch;
        Optional<Double> block = ns("conv_bn_relu", batch, Mode.FORWARD, "vector", 1);
        Optional<Double> conv = ns("conv_relu", batch, Mode.FORWARD, "vector", 1);
        if (block.isEmpty() || conv.isEmpty()) {
            return notMeasured("12", target);
        }
        double ratio = block.get() / conv.get();
        return line(
                "12",
                target,
                format("%+.1f%% (%s vs %s)", (ratio - 1) * 100, duration(block.get()), duration(conv.get())),
                ratio <= 1.10);
    }

    private String speedup(String issue, String target, String model, int batch, Mode mode, double minimum) {
        Optional<Double> generated = ns(model, batch, mode, "generated", 1);
        Optional<Double> interpreter = ns(model, batch, mode, "interpreter", 1);
        if (generated.isEmpty() || interpreter.isEmpty()) {
            return notMeasured(issue, target);
        }
        double ratio = interpreter.get() / generated.get();
        return line(
                issue,
                target,
                format("%.2fx (%s vs %s)", ratio, duration(generated.get()), duration(interpreter.get())),
                ratio >= minimum);
    }

    private String below(String issue, String target, Mode mode, double maximumNs) {
        return ns("toy", 1, mode, "generated", 1)
                .map(ns -> line(issue, target, duration(ns), ns < maximumNs))
                .orElseGet(() -> notMeasured(issue, target));
    }

    private String versusPytorch(String issue, String target, String engine, int batch, Mode mode, double minimum) {
        Optional<Double> ours = ns("activity_cnn", batch, mode, engine, 1);
        Optional<Double> pytorch = ns("activity_cnn", batch, mode, "pytorch", 1);
        if (ours.isEmpty() || pytorch.isEmpty()) {
            return notMeasured(issue, target);
        }
        double ratio = pytorch.get() / ours.get();
        return line(
                issue,
                target,
                format("%.2fx (%s vs %s)", ratio, duration(ours.get()), duration(pytorch.get())),
                ratio >= minimum);
    }

    /** Exact in JMH only for ops of microseconds: larger ops carry JMH's own allocation. */
    private String zeroAllocation() {
        String target = "generated allocates 0 B/op (toy rows; larger ops: AllocationCheck)";
        List<Double> bytes = rows.stream()
                .filter(r -> r.model().equals("toy") && r.engine().equals("generated"))
                .flatMap(r -> r.allocBytes().stream())
                .toList();
        if (bytes.isEmpty()) {
            return notMeasured("6", target);
        }
        double most = bytes.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        return line("6", target, format("at most %.3f B/op over %d rows", most, bytes.size()), most < 0.5);
    }

    private String layerGflops() {
        String target = "vector layer forward >= 80 GFLOP/s, batch 32";
        Optional<Double> batch32 = ns("layer", 32, Mode.FORWARD, "vector", 1);
        if (batch32.isEmpty()) {
            return notMeasured("7", target);
        }
        double gflops = FlopCount.flops(specs.get("layer"), 32, Mode.FORWARD) / batch32.get();
        String batch1 = ns("layer", 1, Mode.FORWARD, "vector", 1)
                .map(ns -> format("; batch 1: %.1f", FlopCount.flops(specs.get("layer"), 1, Mode.FORWARD) / ns))
                .orElse("");
        return line("7", target, format("%.1f GFLOP/s%s", gflops, batch1), gflops >= 80);
    }

    private String threadScaling() {
        String target = "vector activity_cnn train step, batch 32, 2 threads >= 1.7x one thread's throughput";
        Optional<Double> one = ns("activity_cnn", 32, Mode.TRAIN_STEP, "vector", 1);
        Optional<Double> two = ns("activity_cnn", 32, Mode.TRAIN_STEP, "vector", 2);
        if (one.isEmpty() || two.isEmpty()) {
            return notMeasured("7", target);
        }
        double ratio = one.get() / two.get();
        return line(
                "7", target, format("%.2fx (%s vs %s)", ratio, duration(two.get()), duration(one.get())), ratio >= 1.7);
    }

    private Optional<Double> ns(String model, int batch, Mode mode, String engine, int threads) {
        return rows.stream()
                .filter(r -> r.model().equals(model)
                        && r.batch() == batch
                        && r.mode() == mode
                        && r.engine().equals(engine)
                        && r.threads() == threads)
                .map(Measurement::nsPerOp)
                .findFirst();
    }

    private static String line(String issue, String target, String measured, boolean met) {
        return String.join("\t", issue, target, measured, met ? "met" : "MISSED");
    }

    private static String notMeasured(String issue, String target) {
        return String.join("\t", issue, target, "-", "not measured");
    }

    /** A time in the unit that reads best: {@code 8.5 ns}, {@code 157.3 us}, {@code 23.57 ms}. */
    static String duration(double ns) {
        if (ns < 1e4) {
            return format("%.1f ns", ns);
        }
        return ns < 1e6 ? format("%.1f us", ns / 1e3) : format("%.2f ms", ns / 1e6);
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
