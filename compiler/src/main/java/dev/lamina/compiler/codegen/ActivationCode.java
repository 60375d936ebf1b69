package dev.lamina.compiler.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.lamina.runtime.spec.Activation;

/**
 * Emits an activation and its derivative, inline for the simple ones and through {@code
 * dev.lamina.runtime.math.Functions} for the rest, so every engine computes the same values.
 */
final class ActivationCode {
    static final ClassName FUNCTIONS = ClassName.get("dev.lamina.runtime.math", "Functions");

    private ActivationCode() {}

    /** Whether the derivative needs the pre-activation value (it cannot be recovered from the output). */
    static boolean needsPreActivation(Activation a) {
        return switch (a) {
            case ELU, SOFTPLUS, GELU, SILU, SELU, SOFTSIGN -> true;
            case LINEAR, RELU, TANH, SIGMOID, SOFTMAX, LEAKY_RELU, HARD_SIGMOID -> false;
        };
    }

    /**
     * {@code act(v)}, e.g. {@code Math.max(v, 0f)} for relu or {@code Functions.gelu(v)}; softmax is
     * a row operation, see {@link #applyRow}.
     */
    static CodeBlock apply(Activation a, String v) {
        return switch (a) {
            case LINEAR -> CodeBlock.of("$L", v);
            case RELU -> CodeBlock.of("Math.max($L, 0f)", v);
            case TANH -> CodeBlock.of("(float) Math.tanh($L)", v);
            case SIGMOID -> CodeBlock.of("$T.sigmoid($L)", FUNCTIONS, v);
            case ELU -> CodeBlock.of("$T.elu($L)", FUNCTIONS, v);
            case SOFTPLUS -> CodeBlock.of("$T.softplus($L)", FUNCTIONS, v);
            case GELU -> CodeBlock.of("$T.gelu($L)", FUNCTIONS, v);
            case SILU -> CodeBlock.of("$T.silu($L)", FUNCTIONS, v);
            case SELU -> CodeBlock.of("$T.selu($L)", FUNCTIONS, v);
            case LEAKY_RELU -> {
                String operand = v.contains(" ") ? "(" + v + ")" : v;
                yield CodeBlock.of("$L > 0f ? $L : $T.LEAKY_RELU_SLOPE * $L", operand, operand, FUNCTIONS, operand);
            }
            case HARD_SIGMOID -> CodeBlock.of("$T.hardSigmoid($L)", FUNCTIONS, v);
            case SOFTSIGN -> CodeBlock.of("$T.softsign($L)", FUNCTIONS, v);
            case SOFTMAX -> throw new IllegalArgumentException("softmax is a row operation");
        };
    }

    /**
     * {@code dy * act'(z)} from the output {@code y} (relu, tanh, sigmoid, leaky_relu, hard_sigmoid)
     * or the pre-activation {@code z} (elu, softplus, gelu, silu, selu, softsign), e.g. {@code dy *
     * (1f - y * y)} for tanh.
     */
    static CodeBlock gradient(Activation a, String dy, String y, String z) {
        return switch (a) {
            case LINEAR -> CodeBlock.of("$L", dy);
            case RELU -> CodeBlock.of("$L > 0f ? $L : 0f", y, dy);
            case TANH -> CodeBlock.of("$L * (1f - $L * $L)", dy, y, y);
            case SIGMOID -> CodeBlock.of("$L * $L * (1f - $L)", dy, y, y);
            case ELU -> CodeBlock.of("$L * $T.eluDerivative($L)", dy, FUNCTIONS, z);
            case SOFTPLUS -> CodeBlock.of("$L * $T.sigmoid($L)", dy, FUNCTIONS, z);
            case GELU -> CodeBlock.of("$L * $T.geluDerivative($L)", dy, FUNCTIONS, z);
            case SILU -> CodeBlock.of("$L * $T.siluDerivative($L)", dy, FUNCTIONS, z);
            case SELU -> CodeBlock.of("$L * $T.seluDerivative($L)", dy, FUNCTIONS, z);
            case LEAKY_RELU -> CodeBlock.of("$L > 0f ? $L : $L * $T.LEAKY_RELU_SLOPE", y, dy, dy, FUNCTIONS);
            case HARD_SIGMOID -> CodeBlock.of("$L > 0f && $L < 1f ? $L * (1f / 6) : 0f", y, y, dy);
            case SOFTSIGN -> CodeBlock.of("$L * $T.softsignDerivative($L)", dy, FUNCTIONS, z);
            case SOFTMAX -> throw new IllegalArgumentException("softmax is a row operation");
        };
    }

    /**
     * Writes {@code y[offset + f] = act(acc[f])} for a row of {@code n} values, keeping the
     * pre-activation in {@code pre} when the derivative needs it ({@code pre} null: not kept, for an
     * inference-only pass). Emits, for relu:
     *
     * <pre>{@code
     * for (int f = 0; f < 100; f++) {
     *     y[yo + f] = Math.max(acc[f], 0f);
     * }
     * }</pre>
     *
     * and for softmax a max-shifted exponential normalized by its sum. {@code acc} may be
     * overwritten.
     */
    static void applyRow(CodeBlock.Builder code, Activation a, String acc, String y, String offset, String pre, int n) {
        if (a == Activation.SOFTMAX) {
            code.addStatement("float max = $L[0]", acc);
            code.beginControlFlow("for (int f = 1; f < $L; f++)", n);
            code.addStatement("max = Math.max(max, $L[f])", acc);
            code.endControlFlow();
            code.addStatement("float sum = 0f");
            code.beginControlFlow("for (int f = 0; f < $L; f++)", n);
            code.addStatement("float e = (float) Math.exp($L[f] - max)", acc);
            code.addStatement("$L[f] = e", acc);
            code.addStatement("sum += e");
            code.endControlFlow();
            code.beginControlFlow("for (int f = 0; f < $L; f++)", n);
            code.addStatement("$L[$L] = $L[f] / sum", y, Expressions.plus(offset + " + f", 0), acc);
            code.endControlFlow();
            return;
        }
        String target = offset.equals("0") ? "f" : offset + " + f";
        code.beginControlFlow("for (int f = 0; f < $L; f++)", n);
        if (needsPreActivation(a) && pre != null) {
            code.addStatement("$L[$L] = $L[f]", pre, target, acc);
        }
        code.addStatement("$L[$L] = $L", y, target, apply(a, acc + "[f]"));
        code.endControlFlow();
    }

    /**
     * Writes {@code row[f] = dy[offset + f] * act'(...)} for a row of {@code n} values. For
     * sigmoid:
     *
     * <pre>{@code
     * for (int f = 0; f < 6; f++) {
     *     row[f] = dy[yo + f] * y[yo + f] * (1f - y[yo + f]);
     * }
     * }</pre>
     *
     * Softmax uses {@code dz_f = y_f * (dy_f - sum_j dy_j y_j)}.
     */
    static void gradientRow(
            CodeBlock.Builder code, Activation a, String row, String dy, String y, String pre, String offset, int n) {
        String i = offset.equals("0") ? "f" : offset + " + f";
        if (a == Activation.SOFTMAX) {
            code.addStatement("float dot = 0f");
            code.beginControlFlow("for (int f = 0; f < $L; f++)", n);
            code.addStatement("dot += $L[$L] * $L[$L]", dy, i, y, i);
            code.endControlFlow();
            code.beginControlFlow("for (int f = 0; f < $L; f++)", n);
            code.addStatement("$L[f] = $L[$L] * ($L[$L] - dot)", row, y, i, dy, i);
            code.endControlFlow();
            return;
        }
        if (a == Activation.LINEAR) {
            code.addStatement("System.arraycopy($L, $L, $L, 0, $L)", dy, offset, row, n);
            return;
        }
        code.beginControlFlow("for (int f = 0; f < $L; f++)", n);
        code.addStatement(
                "$L[f] = $L",
                row,
                gradient(a, dy + "[" + i + "]", y + "[" + i + "]", pre == null ? null : pre + "[" + i + "]"));
        code.endControlFlow();
    }
}
