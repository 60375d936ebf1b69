/**
 * Fuzzing of the whole pipeline with mutated sample specs: the mutations ({@link
 * dev.lamina.compiler.fuzz.SpecMutator}), what must hold for every input ({@link
 * dev.lamina.compiler.fuzz.FuzzOracle}), the bounded property test of every build ({@link
 * dev.lamina.compiler.fuzz.SpecFuzzTest}) and the long run of {@code fuzz/run} ({@link
 * dev.lamina.compiler.fuzz.FuzzCampaign}).
 */
package dev.lamina.compiler.fuzz;
