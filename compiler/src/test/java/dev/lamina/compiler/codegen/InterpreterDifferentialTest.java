package dev.lamina.compiler.codegen;

import dev.lamina.runtime.interpreter.Interpreter;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random valid stacks ({@link RandomStack}: conv1d with every padding, stride and dilation,
 * pooling, global pooling, flatten, dense, activations, dropout (off), repeat_vector, reshape,
 * embedding on token ids; every loss and optimizer) give the same results from the interpreter and
 * from scalar generated code: the same initial weights for the same seed (exactly), then outputs, loss,
 * training outputs, every parameter gradient, the input gradient, and the losses and parameters
 * over a few optimizer steps.
 *
 *
 * <p>The comparison and its tolerance are {@link EngineComparison}'s.
 */
class InterpreterDifferentialTest {
    private final EngineComparison comparison = new EngineComparison("interpreter", "generated");

    @Provide
    Arbitrary<RandomStack> stacks() {
        return RandomStack.arbitrary();
    }

    @Property(tries = 200, seed = "20261124") // fixed: CI runs the same stacks every time
    void generatedCodeMatchesTheInterpreter(@ForAll("stacks") RandomStack stack) {
        comparison.assertSameBehaviour(
                stack,
                new Interpreter(stack.spec(), EngineComparison.SEED),
                EngineComparison.compile(stack, Backend.SCALAR));
    }
}
