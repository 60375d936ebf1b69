package dev.lamina.compiler.codegen;

import dev.lamina.runtime.interpreter.Interpreter;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random valid graphs ({@link RandomGraph}: several inputs, tensors read several times, every
 * element-wise merge with and without broadcasting, concatenation on the steps and the last axis)
 * give the same results from the interpreter and from scalar generated code: initial weights,
 * outputs, loss, every parameter and input gradient, and a few optimizer steps, within {@link
 * EngineComparison}'s tolerance.
 */
class GraphDifferentialTest {
    private final EngineComparison comparison = new EngineComparison("interpreter", "generated");

    @Provide
    Arbitrary<RandomGraph> graphs() {
        return RandomGraph.arbitrary(RandomStack.SMALL);
    }

    @Property(tries = 120, seed = "20261130") // fixed: CI runs the same graphs every time
    void generatedCodeMatchesTheInterpreterOnGraphs(@ForAll("graphs") RandomGraph graph) {
        comparison.assertSameBehaviour(
                graph,
                new Interpreter(graph.spec(), EngineComparison.SEED),
                EngineComparison.compile(graph, Backend.SCALAR));
    }
}
