package dev.lamina.compiler.fuzz;

import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;

/** A seed spec (by index, modulo the number of seeds) and the edits made to it. */
record FuzzInput(int seed, List<Mutation> edits) {
    private static final int MAX_AT = 1 << 16;
    private static final int MAX_CHOICE = 1 << 10;

    /** Inputs for a property-based test: any seed, 1 to {@code maxEdits} edits. */
    static Arbitrary<FuzzInput> arbitrary(int seeds, int maxEdits) {
        // Uniform, not jqwik's default bias to small numbers, which would put most edits near the
        // start of a spec; shrinking still goes to small numbers.
        Arbitrary<Mutation> edit = Combinators.combine(
                        Arbitraries.of(Mutation.Kind.class), uniform(MAX_AT), uniform(MAX_CHOICE), uniform(MAX_CHOICE))
                .as(Mutation::new);
        return Combinators.combine(
                        Arbitraries.integers().between(0, seeds - 1),
                        edit.list().ofMinSize(1).ofMaxSize(maxEdits))
                .as(FuzzInput::new);
    }

    private static Arbitrary<Integer> uniform(int max) {
        return Arbitraries.integers().between(0, max).withDistribution(RandomDistribution.uniform());
    }

    /**
     * A random input for a campaign: edits as in {@link #arbitrary}, one edit in two inputs, two in
     * a quarter, and so on up to {@code maxEdits}.
     */
    static FuzzInput random(SplittableRandom random, int seeds, int maxEdits) {
        Mutation.Kind[] kinds = Mutation.Kind.values();
        int count = 1;
        while (count < maxEdits && random.nextBoolean()) {
            count++;
        }
        List<Mutation> edits = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            edits.add(new Mutation(
                    kinds[random.nextInt(kinds.length)],
                    random.nextInt(MAX_AT + 1),
                    random.nextInt(MAX_CHOICE + 1),
                    random.nextInt(MAX_CHOICE + 1)));
        }
        return new FuzzInput(random.nextInt(seeds), List.copyOf(edits));
    }
}
