package dev.lamina.compiler.codegen;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.List;

/**
 * Emits the gradient kernels of the vector writers: a {@link WeightGradient} (sum over rows of
 * input times output gradient, register-blocked like {@link VectorKernels}' products) and the
 * column sums of bias gradients.
 */
final class VectorGradientKernels {
    /** Weight rows per register block of a weight gradient. */
    static final int GRADIENT_ROWS = 6;

    /**
     * Rows (output steps) of a weight gradient per pass over the weight rows, so that their
     * gradient rows stay in the level-1 cache while every weight row block runs over them.
     */
    static final int GRADIENT_TILE = 32;

    private VectorGradientKernels() {}

    /**
     * {@code gw[wo + (k * reduction + j) * width + f] += sum over t < rows of in[io + t * inStride + k
     * * groupStride + j] * g[go + t * width + f]}.
     */
    record WeightGradient(String name, int reduction, int groups, int groupStride, int inStride, int width) {}
    /**
     * The weight gradient's methods: {@code <name>(in, io, g, go, rows, gw)}, which runs over the
     * rows {@link #GRADIENT_TILE} at a time and, per tile, over the weight rows {@link
     * #GRADIENT_ROWS} at a time:
     *
     * <pre>{@code
     * for (int t = 0; t < rows; t += 32) {
     *     int n = Math.min(32, rows - t);
     *     int it = io + t * 9;
     *     int gt = go + t * 100;
     *     int j = 0;
     *     for (; j <= 90 - 6; j += 6) {
     *         conv1KernelGradientRows6(in, it + j, g, gt, n, gw, j * 100);
     *     }
     *     for (; j < 90; j++) {
     *         conv1KernelGradientRows1(in, it + j, g, gt, n, gw, j * 100);
     *     }
     * }
     * }</pre>
     *
     * and its kernels {@code <name>Rows6} and {@code <name>Rows1}, whose widest stage is
     *
     * <pre>{@code
     * for (; f <= 100 - 2 * LANES; f += 2 * LANES) {
     *     FloatVector a00 = FloatVector.fromArray(SPECIES, gw, wo + f);
     *     // ... 12 accumulators: 6 weight rows x 2 vectors
     *     for (int t = 0; t < rows; t++) {
     *         int gt = go + t * 100 + f;
     *         int it = io + t * 9;
     *         FloatVector g0 = FloatVector.fromArray(SPECIES, g, gt);
     *         FloatVector g1 = FloatVector.fromArray(SPECIES, g, gt + LANES);
     *         FloatVector x0 = FloatVector.broadcast(SPECIES, in[it]);
     *         FloatVector x1 = FloatVector.broadcast(SPECIES, in[it + 1]);
     *         // ... x2 to x5
     *         a00 = g0.fma(x0, a00);
     *         // ...
     *     }
     *     a00.intoArray(gw, wo + f);
     *     // ...
     * }
     * }</pre>
     */
    static List<MethodSpec> weightGradientMethods(WeightGradient wg, String javadoc) {
        List<MethodSpec> methods = new ArrayList<>();
        CodeBlock.Builder driver = CodeBlock.builder();
        driver.beginControlFlow("for (int t = 0; t < rows; t += $L)", GRADIENT_TILE);
        driver.addStatement("int n = Math.min($L, rows - t)", GRADIENT_TILE);
        driver.addStatement("int it = io + $L", Expressions.times("t", wg.inStride()));
        driver.addStatement("int gt = go + $L", Expressions.times("t", wg.width()));
        String inBase = "it";
        String weightBase = "0";
        if (wg.groups() > 1) {
            driver.beginControlFlow("for (int k = 0; k < $L; k++)", wg.groups());
            driver.addStatement("int ik = it + $L", Expressions.times("k", wg.groupStride()));
            driver.addStatement("int wk = $L", Expressions.times("k", wg.reduction() * wg.width()));
            inBase = "ik";
            weightBase = "wk";
        }
        driver.addStatement("int j = 0");
        String call = "$L(in, $L, g, gt, n, gw, $L)";
        String inIndex = Expressions.sum(inBase, "j");
        String weightIndex = Expressions.sum(weightBase, Expressions.times("j", wg.width()));
        driver.beginControlFlow("for (; j <= $L - $L; j += $L)", wg.reduction(), GRADIENT_ROWS, GRADIENT_ROWS);
        driver.addStatement(call, wg.name() + "Rows" + GRADIENT_ROWS, inIndex, weightIndex);
        driver.endControlFlow();
        driver.beginControlFlow("for (; j < $L; j++)", wg.reduction());
        driver.addStatement(call, wg.name() + "Rows1", inIndex, weightIndex);
        driver.endControlFlow();
        if (wg.groups() > 1) {
            driver.endControlFlow();
        }
        driver.endControlFlow();
        methods.add(gradientSignature(wg.name(), javadoc + ", all weight rows")
                .addCode(driver.build())
                .build());
        for (int rows : new int[] {GRADIENT_ROWS, 1}) {
            CodeBlock.Builder code = CodeBlock.builder();
            code.addStatement("int f = 0");
            for (VectorLanes lanes : VectorLanes.stages()) {
                gradientStage(code, wg, lanes, rows);
            }
            methods.add(gradientSignature(
                            wg.name() + "Rows" + rows,
                            javadoc + ", " + rows + " weight row" + (rows == 1 ? "" : "s") + " from {@code wo}")
                    .addParameter(TypeName.INT, "wo")
                    .addCode(code.build())
                    .build());
        }
        return methods;
    }

    private static MethodSpec.Builder gradientSignature(String name, String javadoc) {
        return VectorKernels.kernelMethod(
                name, javadoc + ".", "float[] in", "int io", "float[] g", "int go", "int rows", "float[] gw");
    }

    private static void gradientStage(CodeBlock.Builder code, WeightGradient wg, VectorLanes lanes, int rows) {
        lanes.beginLoop(code, "f", wg.width());
        for (int r = 0; r < rows; r++) {
            for (int v = 0; v < lanes.vectors(); v++) {
                code.addStatement(
                        "$T a$L$L = $L", lanes.type(), r, v, lanes.load("gw", gradientIndex(wg, r) + lanes.offset(v)));
            }
        }
        code.beginControlFlow("for (int t = 0; t < rows; t++)");
        code.addStatement("int gt = go + $L + f", Expressions.times("t", wg.width()));
        code.addStatement("int it = io + $L", Expressions.times("t", wg.inStride()));
        VectorKernels.fmaBlock(code, lanes, rows, "g", "gt", r -> Expressions.at("in", "it", r));
        code.endControlFlow();
        for (int r = 0; r < rows; r++) {
            for (int v = 0; v < lanes.vectors(); v++) {
                lanes.store(code, "a" + r + v, "gw", gradientIndex(wg, r) + lanes.offset(v));
            }
        }
        lanes.endLoop(code);
    }

    private static String gradientIndex(WeightGradient wg, int r) {
        return Expressions.plus("wo", r * wg.width()) + " + f";
    }
    /**
     * {@code <name>(g, go, rows, sums)}: adds the {@code rows} rows of {@code width} values at {@code
     * g[go]} into {@code sums} (bias gradients). Its widest stage:
     *
     * <pre>{@code
     * for (; f <= 100 - 2 * LANES; f += 2 * LANES) {
     *     FloatVector a00 = FloatVector.fromArray(SPECIES, sums, f);
     *     FloatVector a01 = FloatVector.fromArray(SPECIES, sums, f + LANES);
     *     for (int t = 0; t < rows; t++) {
     *         int gt = go + t * 100 + f;
     *         a00 = a00.add(FloatVector.fromArray(SPECIES, g, gt));
     *         // ...
     *     }
     *     a00.intoArray(sums, f);
     *     // ...
     * }
     * }</pre>
     */
    static MethodSpec columnSums(String name, int width, String javadoc) {
        CodeBlock.Builder code = CodeBlock.builder();
        code.addStatement("int f = 0");
        for (VectorLanes lanes : VectorLanes.stages()) {
            lanes.beginLoop(code, "f", width);
            for (int v = 0; v < lanes.vectors(); v++) {
                code.addStatement("$T a0$L = $L", lanes.type(), v, lanes.load("sums", "f" + lanes.offset(v)));
            }
            code.beginControlFlow("for (int t = 0; t < rows; t++)");
            code.addStatement("int gt = go + $L + f", Expressions.times("t", width));
            for (int v = 0; v < lanes.vectors(); v++) {
                CodeBlock value = lanes.load("g", "gt" + lanes.offset(v));
                code.addStatement(
                        lanes.scalar() ? "a0$L += $L" : "a0$L = a0$L.add($L)",
                        lanes.scalar() ? new Object[] {v, value} : new Object[] {v, v, value});
            }
            code.endControlFlow();
            for (int v = 0; v < lanes.vectors(); v++) {
                lanes.store(code, "a0" + v, "sums", "f" + lanes.offset(v));
            }
            lanes.endLoop(code);
        }
        return VectorKernels.kernelMethod(name, javadoc + ".", "float[] g", "int go", "int rows", "float[] sums")
                .addCode(code.build())
                .build();
    }
}
