package dev.lamina.compiler.codegen;

import com.palantir.javapoet.CodeBlock;

/**
 * Emits the axpy loops of the layers that keep weights as row arrays: {@code target[i] += v * row[i]}
 * indexes both arrays alike, so C2 vectorizes it.
 */
final class RowLoops {
    private RowLoops() {}

    /**
     * One side of {@link #addScaledRows}: the array, the index its elements start from (the outer
     * index is added), the local name of one element and the prefix of the numbered locals of a
     * folded pass.
     */
    record Operand(String array, String base, String single, String folded) {}

    /**
     * {@code for (int i = 0; i < n; i++) target[i] += scale * source[i];}
     */
    static void axpy(CodeBlock.Builder code, String index, String target, String scale, String source, int n) {
        code.beginControlFlow("for (int $L = 0; $L < $L; $L++)", index, index, n, index);
        code.addStatement("$L[$L] += $L * $L[$L]", target, index, scale, source, index);
        code.endControlFlow();
    }

    /**
     * {@code target[i] += values[base + o] * rows[rowBase + o][i]} over the outer index {@code o}.
     * With {@code fold} 1, emits
     *
     * <pre>{@code
     * for (int c = 0; c < 9; c++) {
     *     float xv = x[xo + c];
     *     float[] wr = w[k * 9 + c];
     *     for (int f = 0; f < 100; f++) {
     *         acc[f] += xv * wr[f];
     *     }
     * }
     * }</pre>
     *
     * and with a larger {@code fold} (which must divide the outer count), one pass over the target
     * per {@code fold} rows:
     *
     * <pre>{@code
     * for (int c = 0; c < 8; c += 4) {
     *     int wo = k * 8 + c;
     *     float x0 = x[xo + c + 0];
     *     float[] w0 = w[wo + 0];
     *     // ... x1, w1, x2, w2, x3, w3
     *     for (int f = 0; f < 100; f++) {
     *         acc[f] += x0 * w0[f] + x1 * w1[f] + x2 * w2[f] + x3 * w3[f];
     *     }
     * }
     * }</pre>
     */
    static void addScaledRows(
            CodeBlock.Builder code,
            String target,
            String inner,
            int innerCount,
            String outer,
            int outerCount,
            Operand values,
            Operand rows,
            int fold) {
        String valueIndex = Expressions.sum(values.base(), outer);
        String rowIndex = Expressions.sum(rows.base(), outer);
        if (fold == 1) {
            code.beginControlFlow("for (int $L = 0; $L < $L; $L++)", outer, outer, outerCount, outer);
            code.addStatement("float $L = $L[$L]", values.single(), values.array(), valueIndex);
            code.addStatement("float[] $L = $L[$L]", rows.single(), rows.array(), rowIndex);
            axpy(code, inner, target, values.single(), rows.single(), innerCount);
            code.endControlFlow();
            return;
        }
        code.beginControlFlow("for (int $L = 0; $L < $L; $L += $L)", outer, outer, outerCount, outer, fold);
        code.addStatement("int wo = $L", rowIndex);
        StringBuilder sum = new StringBuilder();
        for (int j = 0; j < fold; j++) {
            code.addStatement("float $L$L = $L[$L + $L]", values.folded(), j, values.array(), valueIndex, j);
            code.addStatement("float[] $L$L = $L[wo + $L]", rows.folded(), j, rows.array(), j);
            sum.append(j == 0 ? "" : " + ")
                    .append(values.folded())
                    .append(j)
                    .append(" * ")
                    .append(rows.folded())
                    .append(j)
                    .append("[")
                    .append(inner)
                    .append("]");
        }
        code.beginControlFlow("for (int $L = 0; $L < $L; $L++)", inner, inner, innerCount, inner);
        code.addStatement("$L[$L] += $L", target, inner, sum);
        code.endControlFlow();
        code.endControlFlow();
    }
}
