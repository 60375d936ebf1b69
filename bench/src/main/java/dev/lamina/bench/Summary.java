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
 * an aligned table, then the speedups of generated code over the interpreter and over PyTorch.
 *
 * <p>Usage: {@code Summary <jmh.json> <torch.tsv or -> <summary.tsv>}.
 */
public final class Summary {
    static final String HEADER = "model\tbatch\tmode\tengine\tns_op\tgflops\talloc_b_op";
    private static final String PYTORCH = "pytorch";

    /** One measured op. {@code allocBytes} is empty when not measured (PyTorch). */
    record Row(String model, int batch, Mode mode, String engine, double nsPerOp, Optional<Double> allocBytes) {
        double gflops(Map<String, ModelSpec> specs) {
            return FlopCount.flops(specs.get(model), batch, mode) / nsPerOp;
        }
    }

    private Summary() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: Summary <jmh.json> <torch.tsv or -> <summary.tsv>");
            System.exit(2);
        }
        List<Row> rows = new ArrayList<>(readJmh(Path.of(args[0])));
        if (!args[1].equals("-")) {
            rows.addAll(readPeer(Path.of(args[1])));
        }
        rows.sort(Comparator.comparing((Row r) -> BenchModel.of(r.model()).ordinal())
                .thenComparingInt(Row::batch)
                .thenComparing(Row::mode)
                .thenComparing(r -> engineOrder(r.engine())));
        Map<String, ModelSpec> specs = new LinkedHashMap<>();
        for (BenchModel m : BenchModel.values()) {
            specs.put(m.key(), m.spec());
        }
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        for (Row r : rows) {
            lines.add(tsv(r, specs));
        }
        Files.write(Path.of(args[2]), lines, StandardCharsets.UTF_8);
        System.out.println(align(lines));
        System.out.println();
        System.out.println(align(speedups(rows)));
    }

    static List<Row> readJmh(Path file) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (JsonNode run : new ObjectMapper().readTree(file.toFile())) {
            String method = run.get("benchmark").asText();
            Mode mode = method.endsWith(".trainStep") ? Mode.TRAIN_STEP : Mode.FORWARD;
            JsonNode params = run.get("params");
            JsonNode alloc = run.path("secondaryMetrics").path("gc.alloc.rate.norm");
            rows.add(new Row(
                    params.get("model").asText(),
                    params.get("batch").asInt(),
                    mode,
                    params.get("engine").asText(),
                    run.get("primaryMetric").get("score").asDouble(),
                    alloc.isMissingNode()
                            ? Optional.empty()
                            : Optional.of(alloc.get("score").asDouble())));
        }
        return rows;
    }

    /** The peer's TSV: a header line, then {@code model batch mode ns_op}. */
    static List<Row> readPeer(Path file) throws IOException {
        List<Row> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t");
            rows.add(new Row(
                    f[0], Integer.parseInt(f[1]), Mode.of(f[2]), PYTORCH, Double.parseDouble(f[3]), Optional.empty()));
        }
        return rows;
    }

    private static int engineOrder(String engine) {
        return switch (engine) {
            case "generated" -> 0;
            case "interpreter" -> 1;
            default -> 2;
        };
    }

    private static String tsv(Row r, Map<String, ModelSpec> specs) {
        return String.join(
                "\t",
                r.model(),
                Integer.toString(r.batch()),
                r.mode().key(),
                r.engine(),
                String.format(Locale.ROOT, "%.1f", r.nsPerOp()),
                String.format(Locale.ROOT, "%.3f", r.gflops(specs)),
                r.allocBytes().map(b -> String.format(Locale.ROOT, "%.0f", b)).orElse("-"));
    }

    /** Per (model, batch, mode): the three times and generated's speedup over the other two. */
    static List<String> speedups(List<Row> rows) {
        Map<String, Map<String, Double>> byCase = new LinkedHashMap<>();
        for (Row r : rows) {
            byCase.computeIfAbsent(
                            r.model() + "\t" + r.batch() + "\t" + r.mode().key(), k -> new LinkedHashMap<>())
                    .put(r.engine(), r.nsPerOp());
        }
        List<String> lines = new ArrayList<>();
        lines.add("model\tbatch\tmode\tgenerated_ns\tinterpreter_ns\tpytorch_ns\tgen_vs_interp\tgen_vs_pytorch");
        byCase.forEach((key, times) -> {
            Double gen = times.get("generated");
            lines.add(String.join(
                    "\t",
                    key,
                    number(times.get("generated")),
                    number(times.get("interpreter")),
                    number(times.get(PYTORCH)),
                    ratio(times.get("interpreter"), gen),
                    ratio(times.get(PYTORCH), gen)));
        });
        return lines;
    }

    private static String number(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String ratio(Double other, Double generated) {
        return other == null || generated == null ? "-" : String.format(Locale.ROOT, "%.2fx", other / generated);
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
