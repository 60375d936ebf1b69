package dev.lamina.compiler.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.compiler.javac.GeneratedModels;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;

/**
 * Mutated sample specs (byte flips, token deletions, duplications and swaps, boundary numbers,
 * nesting, splices, inserted words: {@link SpecMutator}) through the whole pipeline ({@link
 * FuzzOracle}): the front end returns diagnostics and never throws, the generator generates or
 * declines, the interpreter runs every accepted model on random data, and javac compiles a sample
 * of the generated sources (those of the first {@link #COMPILED} distinct model specs, in one javac
 * run). The counts are printed; the run must reach every stage (minimum counts are asserted).
 *
 * <p>The seed is fixed, so every build runs the same inputs; the number of tries is chosen for
 * about a minute on a 2-core machine. The mutations stay within {@link FuzzProfile#BUILD}, clear of
 * the crashes known today; {@code fuzz/run} goes further and reports them.
 */
class SpecFuzzTest {
    private static final int TRIES = 60_000;
    private static final int COMPILED = 200;

    private final SpecMutator mutator = new SpecMutator(FuzzSeeds.load(Path.of("..")), FuzzProfile.BUILD);
    private final FuzzOracle oracle = new FuzzOracle(200_000, 2_000_000);
    private final FuzzStats stats = new FuzzStats();
    private final JavacBatch<String> javac = new JavacBatch<>(GeneratedModels.runtimeClassPath());

    @Provide
    Arbitrary<FuzzInput> inputs() {
        return FuzzInput.arbitrary(mutator.seedCount(), FuzzProfile.BUILD.maxEdits());
    }

    @Property(tries = TRIES, seed = "20261130") // fixed: every build runs the same inputs
    void everyMutatedSpecIsDiagnosedOrGeneratedAndRun(@ForAll("inputs") FuzzInput input) {
        byte[] spec = mutator.apply(input.seed(), input.edits());
        FuzzOutcome outcome = oracle.check("fuzz.lamina", spec, Arrays.hashCode(spec));
        stats.add(outcome);
        assertThat(outcome.failure())
                .as(() -> describe(spec, outcome.failure()))
                .isNull();
        for (FuzzOutcome.Generated generated : outcome.generated()) {
            if (javac.pending() < COMPILED) {
                javac.add(generated.model(), generated.source(), text(spec));
            }
        }
    }

    @AfterProperty
    void javacCompilesTheSampleOfGeneratedSources() {
        List<JavacBatch.Rejected<String>> rejected = javac.compile();
        stats.compiled = javac.compiled();
        System.out.print("SpecFuzzTest:\n" + stats.report());
        assertThat(rejected)
                .as(() -> rejected.isEmpty()
                        ? ""
                        : "javac rejected " + rejected.get(0).className() + " generated from\n"
                                + rejected.get(0).origin() + "\n"
                                + rejected.get(0).error().getMessage())
                .isEmpty();
        // The run must reach every stage, or it tests less than it claims.
        assertThat(stats.accepted).as("accepted inputs").isGreaterThanOrEqualTo(TRIES / 20);
        assertThat(stats.rejected).as("rejected inputs").isGreaterThanOrEqualTo(TRIES / 2);
        assertThat(stats.rejectedBy).as("error codes").hasSizeGreaterThanOrEqualTo(15);
        assertThat(stats.interpreted).as("interpreted models").isGreaterThanOrEqualTo(TRIES / 20);
        assertThat(stats.compiled).as("compiled sources").isBetween(100L, (long) COMPILED);
    }

    private static String describe(byte[] spec, FuzzOutcome.Failure failure) {
        StringWriter trace = new StringWriter();
        failure.error().printStackTrace(new PrintWriter(trace));
        return failure.signature() + " on this input:\n" + text(spec) + "\n" + trace;
    }

    /** The input as text, every byte that is not UTF-8 shown as U+FFFD. */
    private static String text(byte[] spec) {
        return new String(spec, StandardCharsets.UTF_8);
    }
}
