package dev.lamina.compiler.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.compiler.Compilation;
import dev.lamina.compiler.LaminaCompiler;
import dev.lamina.compiler.diag.Diagnostic;
import dev.lamina.compiler.diag.ErrorCode;
import org.junit.jupiter.api.Test;

/** Inputs at the edges: deep nesting and sizes whose arithmetic would overflow are diagnostics. */
class LimitsTest {
    private static Diagnostic only(String text) {
        Compilation compilation = LaminaCompiler.compile("t.lamina", text);
        assertThat(compilation.diagnostics()).as(compilation.render()).hasSize(1);
        return compilation.diagnostics().get(0);
    }

    @Test
    void deepNestingIsADiagnosticNotAStackOverflow() {
        String text = "model M {\n  input [4]\n  reshape(" + "[".repeat(600) + "4" + "]".repeat(600) + ")\n}\n";
        Diagnostic d = only(text);
        assertThat(d.code()).isEqualTo(ErrorCode.NESTED_TOO_DEEPLY);
        assertThat(d.message()).isEqualTo("nested too deeply: more than 64 brackets open at once");
        // the model's brace and the layer's parenthesis are 2 levels: the 63rd bracket is the 65th opening
        assertThat(d.span().line()).isEqualTo(3);
        assertThat(d.span().column()).isEqualTo(11 + 62);
    }

    @Test
    void aDilationWhoseEffectiveKernelOverflowsIsRejected() {
        Diagnostic d = only("model M {\n  input [10, 2]\n  conv1d(4, 3, dilation_rate=2147483647)\n}\n");
        assertThat(d.code()).isEqualTo(ErrorCode.OVERFLOW);
        assertThat(d.message())
                .isEqualTo("conv1d 'conv1d' is too large: its effective kernel (kernel_size - 1)*dilation_rate + 1 ="
                        + " (3 - 1)*2147483647 + 1 = 4294967295 exceeds 2147483647");
    }

    @Test
    void causalPaddingThatWouldOverflowIsRejected() {
        Diagnostic d =
                only("model M {\n  input [10, 2]\n  conv1d(4, 2, padding=causal, dilation_rate=2147483646)\n}\n");
        assertThat(d.code()).isEqualTo(ErrorCode.OVERFLOW);
        assertThat(d.message())
                .isEqualTo("conv1d is too large: it would pad its 10 steps to 2147483656 (padding=causal, window of"
                        + " 2147483647 steps), more than 2147483647");
    }
}
