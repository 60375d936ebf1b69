package dev.lamina.compiler.codegen;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import javax.lang.model.element.Modifier;

/** Emits the methods that copy a layer's kernel into the layouts of the vector input gradients. */
final class VectorPacking {
    private VectorPacking() {}

    /**
     * {@code name()}: copies a {@code (taps, channels, filters)} kernel into {@code wt[(k' * F + f) *
     * C + c] = w[(k * C + c) * F + f]}, with {@code k' = K - 1 - k} when {@code flip} (the full
     * correlation of a stride-1 input gradient), else {@code k'= k}:
     *
     * <pre>{@code
     * for (int k = 0; k < 10; k++) {
     *     for (int c = 0; c < 9; c++) {
     *         int wo = (k * 9 + c) * 100;
     *         int to = (9 - k) * 900 + c;
     *         for (int f = 0; f < 100; f++) {
     *             wt[to + f * 9] = w[wo + f];
     *         }
     *     }
     * }
     * }</pre>
     */
    static MethodSpec packTransposed(
            String name,
            String kernel,
            String target,
            int taps,
            int channels,
            int filters,
            boolean flip,
            String layer) {
        CodeBlock.Builder code = CodeBlock.builder();
        code.addStatement("float[] w = $L.value()", kernel);
        code.addStatement("float[] wt = $L", target);
        if (taps > 1) {
            code.beginControlFlow("for (int k = 0; k < $L; k++)", taps);
        }
        String tap = taps == 1 ? "0" : flip ? "(" + (taps - 1) + " - k)" : "k";
        code.beginControlFlow("for (int c = 0; c < $L; c++)", channels);
        code.addStatement("int wo = $L", Expressions.times(taps == 1 ? "c" : "(k * " + channels + " + c)", filters));
        code.addStatement("int to = $L", Expressions.sum(Expressions.times(tap, filters * channels), "c"));
        code.beginControlFlow("for (int f = 0; f < $L; f++)", filters);
        code.addStatement("wt[$L] = w[wo + f]", Expressions.sum("to", Expressions.times("f", channels)));
        code.endControlFlow();
        code.endControlFlow();
        if (taps > 1) {
            code.endControlFlow();
        }
        return MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PRIVATE)
                .addJavadoc(
                        "Copies $L's kernel into {@code $L[$L][f][c]}.\n",
                        JavaNames.commentText(layer),
                        target,
                        flip && taps > 1 ? "K - 1 - k" : "k")
                .addCode(code.build())
                .build();
    }

    /**
     * {@code name()}: copies a {@code (taps, channels, filters)} kernel into rows {@code wd[c][K - 1 -
     * k][f]}, the weights of a stride-1 input gradient as {@link VectorKernels.Dot} products:
     *
     * <pre>{@code
     * for (int k = 0; k < 10; k++) {
     *     for (int c = 0; c < 9; c++) {
     *         System.arraycopy(w, (k * 9 + c) * 100, wd, (c * 10 + 9 - k) * 100, 100);
     *     }
     * }
     * }</pre>
     */
    static MethodSpec packFlippedByChannel(
            String name, String kernel, String target, int taps, int channels, int filters, String layer) {
        CodeBlock.Builder code = CodeBlock.builder();
        code.addStatement("float[] w = $L.value()", kernel);
        code.beginControlFlow("for (int k = 0; k < $L; k++)", taps);
        code.beginControlFlow("for (int c = 0; c < $L; c++)", channels);
        code.addStatement(
                "System.arraycopy(w, $L, $L, $L, $L)",
                Expressions.times("(k * " + channels + " + c)", filters),
                target,
                Expressions.times("(c * " + taps + " + " + (taps - 1) + " - k)", filters),
                filters);
        code.endControlFlow();
        code.endControlFlow();
        return MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PRIVATE)
                .addJavadoc(
                        "Copies $L's kernel into rows {@code $L[c][K - 1 - k][f]}.\n",
                        JavaNames.commentText(layer),
                        target)
                .addCode(code.build())
                .build();
    }
}
