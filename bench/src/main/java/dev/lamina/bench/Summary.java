package dev.lamina.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lamina.bench.FlopCount.Mode;
import dev.lamina.runtime.spec.ModelSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Joins the JMH JSON results with the PyTorch peer's TSV into {@code summary.tsv} and prints it as
 * an aligned table, then the single-thread speedups (generated over the interpreter, vector over
 * generated, both over PyTorch), the multi-thread speedups, and the targets of issues 6 and 7
 * judged from this run ({@link Targets}).
 *
 * <p>Usage: {@code Summary <jmh.json> <torch.tsv or -> <summary.tsv> [<steady.json or -> [<more.json>
 * ...]]}: the rows of {@code steady.json} (the same benchmarks run again with a longer warm-up)
 * replace those of {@code jmh.json} with the same model, batch, mode, engine and threads; the rows
 * of each further JMH file (other benchmark classes) are added.
 */
public final class Summary {
    static final String HEADER = "model\tbatch\tmode\tengine\tthreads\tns_op\tgflops\talloc_b_op";
    private static final String PYTORCH = "pytorch";
    private static final List<String> ENGINE_ORDER =
            List.of("generated", "vector", "interpreter", OnnxRuntimeBenchmark.ENGINE, PYTORCH);

    private Summary() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println(
                    "usage: Summary <jmh.json> <torch.tsv or -> <summary.tsv> [<steady.json or -> [<more.json> ...]]");
            System.exit(2);
        }
        List<Measurement> rows = readJmh(Path.of(args[0]));
        if (args.length >= 4 && !args[3].equals("-")) {
            rows = replaced(rows, readJmh(Path.of(args[3])));
        }
        for (int i = 4; i < args.length; i++) {
            rows.addAll(readJmh(Path.of(args[i])));
        }
        if (!args[1].equals("-")) {
            rows.addAll(readPeer(Path.of(args[1])));
        }
        rows.sort(
                Comparator.comparing((Measurement r) -> BenchModel.of(r.model()).ordinal())
                        .thenComparingInt(Measurement::batch)
                        .thenComparing(Measurement::mode)
                        .thenComparing(r -> engineOrder(r.engine()))
                        .thenComparingInt(Measurement::threads));
        Map<String, ModelSpec> specs = new LinkedHashMap<>();
        for (BenchModel m : BenchModel.values()) {
            specs.put(m.key(), m.spec());
        }
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        for (Measurement r : rows) {
            lines.add(tsv(r, specs));
        }
        Files.write(Path.of(args[2]), lines, StandardCharsets.UTF_8);
        System.out.println(align(lines));
        System.out.println();
        System.out.println(align(speedups(rows)));
        List<String> threads = threadSpeedups(rows);
        if (threads.size() > 1) {
            System.out.println();
            System.out.println(align(threads));
        }
        System.out.println();
        System.out.println(align(new Targets(rows, specs).table()));
    }

    /** {@code rows} with each row of {@code steady} in place of the row it measures again (or added). */
    static List<Measurement> replaced(List<Measurement> rows, List<Measurement> steady) {
        List<Measurement> result = new ArrayList<>();
        for (Measurement r : rows) {
            if (steady.stream().noneMatch(s -> sameBenchmark(s, r))) {
                result.add(r);
            }
        }
        result.addAll(steady);
        return result;
    }

    private static boolean sameBenchmark(Measurement a, Measurement b) {
        return a.model().equals(b.model())
                && a.batch() == b.batch()
                && a.mode() == b.mode()
                && a.engine().equals(b.engine())
                && a.threads() == b.threads();
    }

    static List<Measurement> readJmh(Path file) throws IOException {
        List<Measurement> rows = new ArrayList<>();
        for (JsonNode run : new ObjectMapper().readTree(file.toFile())) {
            String method = run.get("benchmark").asText();
            Mode mode = method.endsWith(".trainStep") ? Mode.TRAIN_STEP : Mode.FORWARD;
            JsonNode params = run.get("params");
            JsonNode alloc = run.path("secondaryMetrics").path("gc.alloc.rate.norm");
            String engine = method.contains(OnnxRuntimeBenchmark.class.getSimpleName() + ".")
                    ? OnnxRuntimeBenchmark.ENGINE
                    : params.get("engine").asText();
            rows.add(new Measurement(
                    params.get("model").asText(),
                    params.get("batch").asInt(),
                    mode,
                    engine,
                    params.path("threads").asInt(1),
                    run.get("primaryMetric").get("score").asDouble(),
                    alloc.isMissingNode()
                            ? Optional.empty()
                            : Optional.of(alloc.get("score").asDouble())));
        }
        return rows;
    }

    /** The peer's TSV (one thread): a header line, then {@code model batch mode ns_op}. */
    static List<Measurement> readPeer(Path file) throws IOException {
        List<Measurement> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t");
            rows.add(new Measurement(
                    f[0],
                    Integer.parseInt(f[1]),
                    Mode.of(f[2]),
                    PYTORCH,
                    1,
                    Double.parseDouble(f[3]),
                    Optional.empty()));
        }
        return rows;
    }

    private static int engineOrder(String engine) {
        int index = ENGINE_ORDER.indexOf(engine);
        return index < 0 ? ENGINE_ORDER.size() : index;
    }

    private static String tsv(Measurement r, Map<String, ModelSpec> specs) {
        return String.join(
                "\t",
                r.model(),
                Integer.toString(r.batch()),
                r.mode().key(),
                r.engine(),
                Integer.toString(r.threads()),
                String.format(Locale.ROOT, "%.1f", r.nsPerOp()),
                String.format(Locale.ROOT, "%.3f", r.gflops(specs.get(r.model()))),
                r.allocBytes().map(b -> String.format(Locale.ROOT, "%.0f", b)).orElse("-"));
    }

    /**
     * Per (model, batch, mode), single-thread rows only: the engines' times, generated's speedup
     * over the interpreter, vector's over generated, and each one's over ONNX Runtime and PyTorch.
     */
    static List<String> speedups(List<Measurement> rows) {
        Map<String, Map<String, Double>> byCase = new LinkedHashMap<>();
        for (Measurement r : rows) {
            if (r.threads() == 1) {
                byCase.computeIfAbsent(
                                r.model() + "\t" + r.batch() + "\t" + r.mode().key(), k -> new LinkedHashMap<>())
                        .put(r.engine(), r.nsPerOp());
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add("model\tbatch\tmode\tgenerated_ns\tvector_ns\tinterpreter_ns\tonnxruntime_ns\tpytorch_ns"
                + "\tgen_vs_interp\tvec_vs_gen\tgen_vs_ort\tvec_vs_ort\tgen_vs_pytorch\tvec_vs_pytorch");
        byCase.forEach((key, times) -> {
            Double generated = times.get("generated");
            Double vector = times.get("vector");
            Double onnxRuntime = times.get(OnnxRuntimeBenchmark.ENGINE);
            Double pytorch = times.get(PYTORCH);
            lines.add(String.join(
                    "\t",
                    key,
                    number(generated),
                    number(vector),
                    number(times.get("interpreter")),
                    number(onnxRuntime),
                    number(pytorch),
                    ratio(times.get("interpreter"), generated),
                    ratio(generated, vector),
                    ratio(onnxRuntime, generated),
                    ratio(onnxRuntime, vector),
                    ratio(pytorch, generated),
                    ratio(pytorch, vector)));
        });
        return lines;
    }

    /**
     * Every multi-thread row next to the same engine's single-thread row: {@code speedup} = one
     * thread's ns / this row's ns, the throughput ratio.
     */
    static List<String> threadSpeedups(List<Measurement> rows) {
        List<String> lines = new ArrayList<>();
        lines.add("model\tbatch\tmode\tengine\tthreads\tone_thread_ns\tns\tspeedup");
        for (Measurement r : rows) {
            if (r.threads() == 1) {
                continue;
            }
            Double single = rows.stream()
                    .filter(o -> o.threads() == 1
                            && o.model().equals(r.model())
                            && o.batch() == r.batch()
                            && o.mode() == r.mode()
                            && o.engine().equals(r.engine()))
                    .map(Measurement::nsPerOp)
                    .findFirst()
                    .orElse(null);
            lines.add(String.join(
                    "\t",
                    r.model(),
                    Integer.toString(r.batch()),
                    r.mode().key(),
                    r.engine(),
                    Integer.toString(r.threads()),
                    number(single),
                    number(r.nsPerOp()),
                    ratio(single, r.nsPerOp())));
        }
        return lines;
    }

    private static String number(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.1f", value);
    }

    /** {@code baselineNs / candidateNs} as {@code 1.23x}: above 1x means the candidate is faster. */
    private static String ratio(Double baselineNs, Double candidateNs) {
        return baselineNs == null || candidateNs == null
                ? "-"
                : String.format(Locale.ROOT, "%.2fx", baselineNs / candidateNs);
    }
    /** Tab-separated lines as a table: text left-aligned, numbers right-aligned. */
    static String align(List<String> lines) {
        List<String[]> cells = lines.stream().map(l -> l.split("\t", -1)).toList();
        Map<Integer, Integer> widths = new java.util.HashMap<>();
        for (String[] row : cells) {
            for (int c = 0; c < row.length; c++) {
                widths.merge(c, row[c].length(), Math::max);
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : cells) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.length; c++) {
                String cell = row[c];
                String pad = " ".repeat(widths.get(c) - cell.length());
                boolean numeric = !cell.isEmpty() && (Character.isDigit(cell.charAt(0)) || cell.equals("-"));
                line.append(c == 0 ? "" : "  ").append(numeric ? pad + cell : cell + pad);
            }
            out.append(line.toString().stripTrailing()).append(System.lineSeparator());
        }
        return out.toString().stripTrailing();
    }
}
