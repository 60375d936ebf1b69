package dev.lamina.compiler.codegen;

import com.palantir.javapoet.CodeBlock;
import dev.lamina.runtime.spec.Activation;

/**
 * The activation code of the vector writers: relu and linear are fused into the kernels' stores
 * and the relu gradient is a vector loop; the other activations reuse {@link ActivationCode}'s row
 * code on the stored values, through a scratch row {@code acc}.
 */
final class VectorActivations {
    private VectorActivations() {}

    /** Whether the kernels apply the activation themselves (relu, linear): no row pass, no scratch row. */
    static boolean fused(Activation a) {
        return a == Activation.RELU || a == Activation.LINEAR;
    }

    /**
     * For an activation that is not fused, applies it to {@code rows} rows of {@code width} stored
     * pre-activations from {@code y[base]}, keeping them in {@code pre} when it is not null:
     *
     * <pre>{@code
     * for (int row = 0; row < 119; row++) {
     *     int yo = yb + row * 100;
     *     System.arraycopy(y, yo, acc, 0, 100);
     *     // ActivationCode's row code from acc into y at yo (and pre when kept)
     * }
     * }</pre>
     */
    static void applyRows(CodeBlock.Builder code, Activation a, String rows, String base, int width, String pre) {
        if (fused(a)) {
            return;
        }
        code.beginControlFlow("for (int row = 0; row < $L; row++)", rows);
        code.addStatement("int yo = $L", Expressions.sum(base, Expressions.times("row", width)));
        code.addStatement("System.arraycopy(y, yo, acc, 0, $L)", width);
        ActivationCode.applyRow(code, a, "acc", "y", "yo", pre, width);
        code.endControlFlow();
    }

    /**
     * Writes {@code rows} rows of {@code dy * act'} from {@code dy[yBase]} into {@code g[gBase]}: a
     * copy for linear, {@link VectorKernels#reluGradient} for relu, else per row
     *
     * <pre>{@code
     * for (int row = 0; row < 119; row++) {
     *     int yo = yb + row * 100;
     *     // ActivationCode's gradient row from dy, y (and pre) at yo into acc
     *     System.arraycopy(acc, 0, g, 900 + row * 100, 100);
     * }
     * }</pre>
     */
    static void gradientRows(CodeBlock.Builder code, Activation a, String rows, String yBase, String gBase, int width) {
        String count = rows.chars().allMatch(Character::isDigit)
                ? Integer.toString(Integer.parseInt(rows) * width)
                : Expressions.times(rows, width);
        if (a == Activation.LINEAR) {
            code.addStatement("System.arraycopy(dy, $L, g, $L, $L)", yBase, gBase, count);
            return;
        }
        if (a == Activation.RELU) {
            reluGradient(code, count, yBase, gBase);
            return;
        }
        code.beginControlFlow("for (int row = 0; row < $L; row++)", rows);
        code.addStatement("int yo = $L", Expressions.sum(yBase, Expressions.times("row", width)));
        ActivationCode.gradientRow(code, a, "acc", "dy", "y", "pre", "yo", width);
        code.addStatement(
                "System.arraycopy(acc, 0, g, $L, $L)", Expressions.sum(gBase, Expressions.times("row", width)), width);
        code.endControlFlow();
    }

    /**
     * The relu gradient of {@code count} values: {@code g[go + i] = y[yo + i] > 0f ? dy[yo + i] :
     * 0f}, a vector at a time, then scalars:
     *
     * <pre>{@code
     * int i = 0;
     * for (; i <= 11900 - LANES; i += LANES) {
     *     VectorMask<Float> on = FloatVector.fromArray(SPECIES, y, yb + i).compare(VectorOperators.GT, 0f);
     *     FloatVector.zero(SPECIES).blend(FloatVector.fromArray(SPECIES, dy, yb + i), on).intoArray(g, go + i);
     * }
     * for (; i < 11900; i++) {
     *     g[go + i] = y[yb + i] > 0f ? dy[yb + i] : 0f;
     * }
     * }</pre>
     */
    private static void reluGradient(CodeBlock.Builder code, String count, String yBase, String gBase) {
        String yi = Expressions.sum(yBase, "i");
        String gi = Expressions.sum(gBase, "i");
        code.addStatement("int i = 0");
        code.beginControlFlow("for (; i <= $L - LANES; i += LANES)", count);
        code.addStatement(
                "$T<Float> on = $T.fromArray(SPECIES, y, $L).compare($T.GT, 0f)",
                VectorLayerWriters.VECTOR_MASK,
                VectorLayerWriters.FLOAT_VECTOR,
                yi,
                VectorLayerWriters.VECTOR_OPERATORS);
        code.addStatement(
                "$T.zero(SPECIES).blend($T.fromArray(SPECIES, dy, $L), on).intoArray(g, $L)",
                VectorLayerWriters.FLOAT_VECTOR,
                VectorLayerWriters.FLOAT_VECTOR,
                yi,
                gi);
        code.endControlFlow();
        code.beginControlFlow("for (; i < $L; i++)", count);
        code.addStatement("g[$L] = y[$L] > 0f ? dy[$L] : 0f", gi, yi, yi);
        code.endControlFlow();
    }
}
