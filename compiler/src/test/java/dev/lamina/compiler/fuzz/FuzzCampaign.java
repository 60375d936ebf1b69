package dev.lamina.compiler.fuzz;

import dev.lamina.compiler.javac.GeneratedModels;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The long fuzzing run behind {@code fuzz/run}: {@code --inputs N} mutated specs (default
 * 1,000,000) of the {@link FuzzProfile#FULL} profile through {@link FuzzOracle}, every distinct
 * generated source compiled by javac in batches, then a report of the counts. Each failing input is
 * saved (the first {@value #SAVED_PER_SIGNATURE} of each kind of failure) as {@code .lamina} with a
 * {@code .txt} beside it (the failure, its stack trace and how to replay it); exit code 1 when
 * there is any failure. {@code --replay FILE} runs one saved input again and prints what it does.
 *
 * <p>Options: {@code --inputs N}, {@code --seed S} (default 1; input {@code i} depends on {@code
 * S} and {@code i} only), {@code --profile full|build}, {@code --out DIR} (default {@code
 * fuzz/target}), {@code --root DIR} (the repository, for the seeds; default {@code .}).
 */
public final class FuzzCampaign {
    private static final int SAVED_PER_SIGNATURE = 3;
    private static final int JAVAC_BATCH = 250;
    private static final long PROGRESS_NANOS = 30_000_000_000L;

    private final SpecMutator mutator;
    private final FuzzProfile profile;
    private final FuzzOracle oracle = new FuzzOracle(200_000, 2_000_000);
    private final JavacBatch<Long> javac = new JavacBatch<>(GeneratedModels.runtimeClassPath());
    private final FuzzStats stats = new FuzzStats();
    private final Map<String, Integer> saved = new HashMap<>();
    private final Map<Long, byte[]> pendingInputs = new HashMap<>();
    private final Path out;
    private final long seed;

    private FuzzCampaign(Path root, FuzzProfile profile, Path out, long seed) {
        this.mutator = new SpecMutator(FuzzSeeds.load(root), profile);
        this.profile = profile;
        this.out = out;
        this.seed = seed;
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = options(args);
        Path root = Path.of(options.getOrDefault("--root", "."));
        FuzzProfile profile =
                switch (options.getOrDefault("--profile", "full")) {
                    case "full" -> FuzzProfile.FULL;
                    case "build" -> FuzzProfile.BUILD;
                    default -> throw new IllegalArgumentException("--profile is full or build");
                };
        if (options.containsKey("--replay")) {
            System.exit(replay(Path.of(options.get("--replay"))));
        }
        long inputs = Long.parseLong(options.getOrDefault("--inputs", "1000000").replace("_", ""));
        long seed = Long.parseLong(options.getOrDefault("--seed", "1"));
        Path out = Path.of(options.getOrDefault("--out", "fuzz/target"));
        FuzzCampaign campaign = new FuzzCampaign(root, profile, out, seed);
        System.exit(campaign.run(inputs, options.getOrDefault("--profile", "full")));
    }

    private int run(long inputs, String profileName) throws IOException {
        Files.createDirectories(out.resolve("failures"));
        System.out.printf(
                Locale.ROOT,
                "fuzz: %,d inputs, profile %s, seed %d, %d seed specs; failures go to %s%n",
                inputs,
                profileName,
                seed,
                mutator.seedCount(),
                out.resolve("failures"));
        long start = System.nanoTime();
        long lastProgress = start;
        for (long i = 0; i < inputs; i++) {
            FuzzInput input = input(i);
            byte[] spec = mutator.apply(input.seed(), input.edits());
            FuzzOutcome outcome = oracle.check("fuzz.lamina", spec, i);
            stats.add(outcome);
            if (outcome.failure() != null) {
                save(
                        i,
                        input,
                        spec,
                        outcome.failure().signature(),
                        trace(outcome.failure().error()));
            }
            for (FuzzOutcome.Generated generated : outcome.generated()) {
                if (javac.add(generated.model(), generated.source(), i)) {
                    pendingInputs.put(i, spec);
                }
            }
            if (javac.pending() >= JAVAC_BATCH) {
                compilePending();
            }
            long now = System.nanoTime();
            if (now - lastProgress > PROGRESS_NANOS) {
                lastProgress = now;
                System.out.printf(
                        Locale.ROOT,
                        "  %,d inputs, %,.0f/s, %,d accepted, %,d compiled, %,d failing%n",
                        i + 1,
                        (i + 1) / ((now - start) / 1e9),
                        stats.accepted,
                        javac.compiled(),
                        stats.failedInputs);
            }
        }
        compilePending();
        double seconds = (System.nanoTime() - start) / 1e9;
        String report =
                stats.report() + String.format(Locale.ROOT, "time %.0f s, %,.0f inputs/s%n", seconds, inputs / seconds);
        System.out.print(report);
        Files.writeString(out.resolve("report.txt"), report);
        return stats.failedInputs == 0 ? 0 : 1;
    }

    /** Input {@code i}: a function of the seed and {@code i} alone, so any input can be made again. */
    private FuzzInput input(long i) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
        return FuzzInput.random(random, mutator.seedCount(), profile.maxEdits());
    }

    private void compilePending() throws IOException {
        for (JavacBatch.Rejected<Long> rejected : javac.compile()) {
            String signature = "javac: "
                    + firstLine(rejected.error()
                            .getMessage()
                            .lines()
                            .skip(1)
                            .findFirst()
                            .orElse(""));
            stats.addJavacFailure(signature);
            long i = rejected.origin();
            save(i, input(i), pendingInputs.get(i), signature, rejected.error().getMessage());
        }
        stats.compiled = javac.compiled();
        pendingInputs.clear();
    }

    private void save(long i, FuzzInput input, byte[] spec, String signature, String details) throws IOException {
        int count = saved.merge(signature, 1, Integer::sum);
        if (count > SAVED_PER_SIGNATURE) {
            return;
        }
        String base = signature.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "") + "-" + i;
        Path file = out.resolve("failures").resolve(base + ".lamina");
        Files.write(file, spec);
        Files.writeString(
                out.resolve("failures").resolve(base + ".txt"),
                signature + "\ninput " + i + " of seed " + seed + ": seed spec " + input.seed() + ", edits "
                        + input.edits() + "\nreplay: fuzz/run --replay " + file + "\n\n" + details);
    }

    /** Runs one saved input through the oracle and prints the outcome; 1 when it fails. */
    private static int replay(Path file) throws IOException {
        byte[] spec = Files.readAllBytes(file);
        FuzzOutcome outcome = new FuzzOracle(200_000, 2_000_000).check(file.toString(), spec, 0);
        System.out.println("error codes: " + outcome.errorCodes());
        System.out.println("generated: " + outcome.generated().size() + ", declined: " + outcome.notGenerated()
                + ", interpreted: " + outcome.interpreted() + ", too large: " + outcome.tooLarge());
        if (outcome.failure() == null) {
            JavacBatch<String> javac = new JavacBatch<>(GeneratedModels.runtimeClassPath());
            outcome.generated().forEach(g -> javac.add(g.model(), g.source(), file.toString()));
            List<JavacBatch.Rejected<String>> rejected = javac.compile();
            rejected.forEach(r -> System.out.println("javac: " + r.error().getMessage()));
            return rejected.isEmpty() ? 0 : 1;
        }
        System.out.println(outcome.failure().signature());
        System.out.print(trace(outcome.failure().error()));
        return 1;
    }

    private static String trace(Throwable error) {
        StringWriter text = new StringWriter();
        error.printStackTrace(new PrintWriter(text));
        String full = text.toString();
        // A stack overflow repeats the same frames a thousand times: the top 60 lines say it all.
        return full.lines().limit(60).reduce("", (a, b) -> a + b + "\n");
    }

    private static String firstLine(String text) {
        String line = text.strip();
        int colon = line.indexOf(": ", line.indexOf(".java:") + 1);
        return colon < 0 ? line : line.substring(colon + 2);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: fuzz/run [--inputs N] [--seed S] [--profile full|build]"
                        + " [--out DIR] [--root DIR] | fuzz/run --replay FILE");
            }
            options.put(args[i], args[++i]);
        }
        return options;
    }
}
