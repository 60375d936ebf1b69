package dev.lamina.compiler.codegen;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.lamina.runtime.spec.Activation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import javax.lang.model.element.Modifier;

/**
 * Emits the register-blocked Vector API kernels the vector writers share: a {@link Product} of
 * input rows with a weight matrix (conv1d and dense forward passes and input gradients), {@link
 * Dot} products for narrow input gradients, and each layer's set of kernels ({@link #layerKernels},
 * with {@link VectorGradientKernels} for the gradients). Each block holds {@code
 * rows x vectors} accumulators in registers while it runs over the reduction; each loaded vector
 * serves every row and each broadcast value every vector. Rows of outputs are covered by {@link
 * VectorLanes#stages()}, so no masks are needed.
 */
final class VectorKernels {
    /** Output rows (steps or examples) per register block of a product. */
    static final int ROWS = 6;

    private VectorKernels() {}

    /** How a product's accumulators start: from the bias, at zero, or from the output (accumulating). */
    enum Start {
        BIAS,
        ZERO,
        OUTPUT
    }

    /**
     * {@code out[oo + r * outStride + f] = start + sum over k < groups, j < reduction of in[io + r *
     * inStride + k * groupStride + j] * w[wo + (k * reduction + j) * width + f]}, then with {@code
     * affine} times {@code scale[f]} plus {@code shift[f]} (a folded batch normalization), with relu
     * fused into the store when {@code relu}. {@code weightOffset}: whether the methods take {@code
     * wo} (else it is 0).
     */
    record Product(
            String name,
            int reduction,
            int groups,
            int groupStride,
            int inStride,
            int width,
            int outStride,
            Start start,
            boolean relu,
            boolean weightOffset,
            boolean affine)
            implements RowKernel {

        /**
         * The forward product {@code <prefix>Forward} of a layer: rows of {@code width} outputs
         * written {@code width} apart, starting from the bias if any, relu fused.
         */
        static Product forward(
                String prefix,
                int reduction,
                int groups,
                int groupStride,
                int inStride,
                int width,
                boolean useBias,
                Activation activation,
                boolean affine) {
            return new Product(
                    prefix + "Forward",
                    reduction,
                    groups,
                    groupStride,
                    inStride,
                    width,
                    width,
                    useBias ? Start.BIAS : Start.ZERO,
                    activation == Activation.RELU,
                    false,
                    affine);
        }

        /**
         * The input-gradient product {@code <prefix>InputGradient} of a layer: from zero, or adding
         * into the output ({@code adds}, with a weight offset).
         */
        static Product inputGradient(
                String prefix,
                int reduction,
                int groups,
                int groupStride,
                int inStride,
                int width,
                int outStride,
                boolean adds) {
            return new Product(
                    prefix + "InputGradient",
                    reduction,
                    groups,
                    groupStride,
                    inStride,
                    width,
                    outStride,
                    adds ? Start.OUTPUT : Start.ZERO,
                    false,
                    adds,
                    false);
        }

        @Override
        public boolean takesBias() {
            return start == Start.BIAS;
        }

        @Override
        public boolean takesScaleAndShift() {
            return affine;
        }

        @Override
        public int blockRows() {
            return ROWS;
        }
    }

    /**
     * {@code out[oo + r * outStride + c] = sum over m < reduction of in[io + r * inStride + m] * w[c *
     * reduction + m]}: dot products along the contiguous reduction, for outputs too narrow to fill
     * vectors ({@code width} below {@link #DOT_WIDTH}).
     */
    record Dot(String name, int reduction, int inStride, int width, int outStride) implements RowKernel {
        @Override
        public boolean takesBias() {
            return false;
        }

        @Override
        public boolean takesScaleAndShift() {
            return false;
        }

        @Override
        public boolean weightOffset() {
            return false;
        }

        @Override
        public int blockRows() {
            return DOT_ROWS;
        }

        /**
         * Outputs per block: all of them up to {@link #DOT_CHANNELS}, else {@link #DOT_CHANNELS} or
         * one less when that divides the outputs and {@link #DOT_CHANNELS} does not.
         */
        int channelBlock() {
            if (width <= DOT_CHANNELS || width % DOT_CHANNELS == 0 || width % (DOT_CHANNELS - 1) != 0) {
                return Math.min(width, DOT_CHANNELS);
            }
            return DOT_CHANNELS - 1;
        }
    }

    /** Kernels over blocks of rows, {@code <name>Rows<blockRows>} and {@code <name>Rows1}, run by {@link #rows}. */
    sealed interface RowKernel permits Product, Dot {
        String name();

        int inStride();

        int outStride();

        boolean takesBias();

        /** Whether the kernel takes {@code scale} and {@code shift} (a folded batch normalization). */
        boolean takesScaleAndShift();

        boolean weightOffset();

        /** Rows of the larger register block. */
        int blockRows();

        default String rowsMethod(int rows) {
            return name() + "Rows" + rows;
        }
    }

    /** Outputs per row below which an input gradient uses {@link Dot} products instead of a {@link Product}. */
    static final int DOT_WIDTH = 16;

    /** Outputs per block of a {@link Dot} kernel, at most. */
    static final int DOT_CHANNELS = 4;

    /** Rows per register block of a {@link Dot} kernel. */
    static final int DOT_ROWS = 3;

    /**
     * The product's kernels, {@code <name>Rows6} and {@code <name>Rows1} (register blocks of {@link
     * #ROWS} rows and of one). For conv1d 128x9 to 100 filters of 10 taps, the widest stage of
     * {@code conv1ForwardRows6}:
     *
     * <pre>{@code
     * for (; f <= 100 - 2 * LANES; f += 2 * LANES) {
     *     FloatVector a00 = FloatVector.fromArray(SPECIES, bias, f);
     *     FloatVector a10 = a00;
     *     // ... 12 accumulators: 6 rows x 2 vectors
     *     for (int j = 0; j < 90; j++) {
     *         int wj = j * 100 + f;
     *         int ij = io + j;
     *         FloatVector w0 = FloatVector.fromArray(SPECIES, w, wj);
     *         FloatVector w1 = FloatVector.fromArray(SPECIES, w, wj + LANES);
     *         FloatVector x0 = FloatVector.broadcast(SPECIES, in[ij]);
     *         FloatVector x1 = FloatVector.broadcast(SPECIES, in[ij + 9]);
     *         // ... x2 to x5
     *         a00 = w0.fma(x0, a00);
     *         a01 = w1.fma(x0, a01);
     *         // ... every row times every vector
     *     }
     *     a00.max(0f).intoArray(out, oo + f);
     *     a01.max(0f).intoArray(out, oo + f + LANES);
     *     a10.max(0f).intoArray(out, oo + 100 + f);
     *     // ...
     * }
     * }</pre>
     *
     * followed by the narrower stages down to scalars.
     */
    /** The kernels of a forward product outside a layer's set (a folded inference pass). */
    static List<MethodSpec> forwardKernels(Product p, String javadoc) {
        return productMethods(p, javadoc);
    }

    private static List<MethodSpec> productMethods(Product p, String javadoc) {
        List<MethodSpec> methods = new ArrayList<>();
        for (int rows : new int[] {p.blockRows(), 1}) {
            List<String> parameters = new ArrayList<>(List.of("float[] in", "int io", "float[] w"));
            if (p.weightOffset()) {
                parameters.add("int wo");
            }
            if (p.start() == Start.BIAS) {
                parameters.add("float[] bias");
            }
            if (p.affine()) {
                parameters.addAll(List.of("float[] scale", "float[] shift"));
            }
            parameters.addAll(List.of("float[] out", "int oo"));
            MethodSpec.Builder m =
                    kernelMethod(p.rowsMethod(rows), rowsJavadoc(javadoc, rows), parameters.toArray(String[]::new));
            CodeBlock.Builder code = CodeBlock.builder();
            code.addStatement("int f = 0");
            for (VectorLanes lanes : VectorLanes.stages()) {
                productStage(code, p, lanes, rows);
            }
            methods.add(m.addCode(code.build()).build());
        }
        return methods;
    }

    private static void productStage(CodeBlock.Builder code, Product p, VectorLanes lanes, int rows) {
        lanes.beginLoop(code, "f", p.width());
        for (int v = 0; v < lanes.vectors(); v++) {
            for (int r = 0; r < rows; r++) {
                String offset = lanes.offset(v);
                CodeBlock start =
                        switch (p.start()) {
                            case BIAS -> r == 0 ? lanes.load("bias", "f" + offset) : CodeBlock.of("a0$L", v);
                            case ZERO -> lanes.zero();
                            case OUTPUT -> lanes.load("out", outIndex(p, r) + offset);
                        };
                code.addStatement("$T a$L$L = $L", lanes.type(), r, v, start);
            }
        }
        String weightBase = p.weightOffset() ? "wo" : "0";
        String inBase = "io";
        if (p.groups() > 1) {
            code.beginControlFlow("for (int k = 0; k < $L; k++)", p.groups());
            code.addStatement("int ik = io + $L", Expressions.times("k", p.groupStride()));
            code.addStatement(
                    "int wk = $L", Expressions.sum(weightBase, Expressions.times("k", p.reduction() * p.width())));
            inBase = "ik";
            weightBase = "wk";
        }
        code.beginControlFlow("for (int j = 0; j < $L; j++)", p.reduction());
        code.addStatement("int wj = $L", Expressions.sum(weightBase, Expressions.times("j", p.width()), "f"));
        code.addStatement("int ij = $L + j", inBase);
        fmaBlock(code, lanes, rows, "w", "wj", r -> Expressions.at("in", "ij", r * p.inStride()));
        code.endControlFlow();
        if (p.groups() > 1) {
            code.endControlFlow();
        }
        if (p.affine()) {
            for (int v = 0; v < lanes.vectors(); v++) {
                code.addStatement("$T s$L = $L", lanes.type(), v, lanes.load("scale", "f" + lanes.offset(v)));
                code.addStatement("$T t$L = $L", lanes.type(), v, lanes.load("shift", "f" + lanes.offset(v)));
            }
            for (int r = 0; r < rows; r++) {
                for (int v = 0; v < lanes.vectors(); v++) {
                    String acc = "a" + r + v;
                    code.addStatement("$L = $L", acc, lanes.fma(acc, "s" + v, "t" + v));
                }
            }
        }
        for (int r = 0; r < rows; r++) {
            for (int v = 0; v < lanes.vectors(); v++) {
                String acc = "a" + r + v;
                lanes.store(code, p.relu() ? lanes.relu(acc) : acc, "out", outIndex(p, r) + lanes.offset(v));
            }
        }
        lanes.endLoop(code);
    }

    private static String outIndex(Product p, int r) {
        return Expressions.plus("oo", r * p.outStride()) + " + f";
    }

    /**
     * One step of a register block: loads {@code vectors} vectors from {@code array} at {@code base},
     * broadcasts one value per row and multiply-adds every pair into the accumulators {@code a<r><v>}:
     *
     * <pre>{@code
     * FloatVector w0 = FloatVector.fromArray(SPECIES, w, wj);
     * FloatVector x0 = FloatVector.broadcast(SPECIES, in[ij]);
     * a00 = w0.fma(x0, a00);
     * }</pre>
     */
    static void fmaBlock(
            CodeBlock.Builder code,
            VectorLanes lanes,
            int rows,
            String array,
            String base,
            IntFunction<String> rowValue) {
        for (int v = 0; v < lanes.vectors(); v++) {
            code.addStatement("$T $L$L = $L", lanes.type(), array, v, lanes.load(array, base + lanes.offset(v)));
        }
        for (int r = 0; r < rows; r++) {
            code.addStatement("$T x$L = $L", lanes.type(), r, lanes.broadcast(rowValue.apply(r)));
        }
        for (int r = 0; r < rows; r++) {
            for (int v = 0; v < lanes.vectors(); v++) {
                String acc = "a" + r + v;
                code.addStatement("$L = $L", acc, lanes.fma(array + v, "x" + r, acc));
            }
        }
    }

    /**
     * The dot kernels {@code <name>Rows3} and {@code <name>Rows1}: per block of up to {@link
     * #DOT_CHANNELS} outputs ({@link Dot#channelBlock()}), {@code rows x outputs} vector
     * accumulators along the reduction, their lanes summed, then the last reduction values as
     * scalars. For conv1d 128x9 to 100 filters of 10 taps (input gradient, reduction 1,000):
     *
     * <pre>{@code
     * int c = 0;
     * for (; c <= 9 - 3; c += 3) {
     *     int wc = c * 1000;
     *     FloatVector a00 = FloatVector.zero(SPECIES);
     *     // ... a01 ... a22: 3 rows x 3 outputs
     *     int m = 0;
     *     for (; m <= 1000 - LANES; m += LANES) {
     *         FloatVector g0 = FloatVector.fromArray(SPECIES, w, wc + m);
     *         FloatVector g1 = FloatVector.fromArray(SPECIES, w, wc + 1000 + m);
     *         FloatVector g2 = FloatVector.fromArray(SPECIES, w, wc + 2000 + m);
     *         FloatVector x0 = FloatVector.fromArray(SPECIES, in, io + m);
     *         FloatVector x1 = FloatVector.fromArray(SPECIES, in, io + 100 + m);
     *         FloatVector x2 = FloatVector.fromArray(SPECIES, in, io + 200 + m);
     *         a00 = g0.fma(x0, a00);
     *         // ... every row times every output
     *     }
     *     float s00 = a00.reduceLanes(VectorOperators.ADD);
     *     // ...
     *     for (; m < 1000; m++) {
     *         // the same on scalars, into s00 ... s22
     *     }
     *     out[oo + c] = s00;
     *     // ...
     * }
     * }</pre>
     */
    private static List<MethodSpec> dotMethods(Dot d, String javadoc) {
        List<MethodSpec> methods = new ArrayList<>();
        int block = d.channelBlock();
        int blocked = d.width() / block * block;
        for (int rows : new int[] {d.blockRows(), 1}) {
            CodeBlock.Builder code = CodeBlock.builder();
            code.addStatement("int c = 0");
            if (blocked > 0) {
                code.beginControlFlow("for (; c <= $L - $L; c += $L)", d.width(), block, block);
                dotBlock(code, d, rows, block);
                code.endControlFlow();
            }
            if (blocked < d.width()) {
                code.add("// the last $L output$L\n", d.width() - blocked, d.width() - blocked == 1 ? "" : "s");
                code.add("{\n").indent();
                dotBlock(code, d, rows, d.width() - blocked);
                code.unindent().add("}\n");
            }
            methods.add(kernelMethod(
                            d.rowsMethod(rows),
                            rowsJavadoc(javadoc, rows),
                            "float[] in",
                            "int io",
                            "float[] w",
                            "float[] out",
                            "int oo")
                    .addCode(code.build())
                    .build());
        }
        return methods;
    }

    /** {@code rows x channels} dot products from output {@code c}: preferred vectors, then scalars. */
    private static void dotBlock(CodeBlock.Builder code, Dot d, int rows, int channels) {
        VectorLanes vector = VectorLanes.stages().get(0);
        VectorLanes vector1 = new VectorLanes(vector.species(), vector.step(), 1, null);
        VectorLanes scalar = VectorLanes.stages().get(VectorLanes.stages().size() - 1);
        code.addStatement("int wc = $L", Expressions.times("c", d.reduction()));
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < channels; c++) {
                code.addStatement("$T a$L$L = $L", vector1.type(), r, c, vector1.zero());
            }
        }
        code.addStatement("int m = 0");
        vector1.loopHeader(code, "m", d.reduction());
        dotStep(code, d, vector1, rows, channels, "a");
        code.endControlFlow();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < channels; c++) {
                code.addStatement("float s$L$L = $L", r, c, vector1.sum("a" + r + c));
            }
        }
        scalar.loopHeader(code, "m", d.reduction());
        dotStep(code, d, scalar, rows, channels, "s");
        code.endControlFlow();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < channels; c++) {
                code.addStatement("out[$L + c] = s$L$L", Expressions.plus("oo", r * d.outStride() + c), r, c);
            }
        }
    }

    private static void dotStep(
            CodeBlock.Builder code, Dot d, VectorLanes lanes, int rows, int channels, String accumulators) {
        for (int c = 0; c < channels; c++) {
            code.addStatement(
                    "$T g$L = $L",
                    lanes.type(),
                    c,
                    lanes.load("w", Expressions.plus("wc", c * d.reduction()) + " + m"));
        }
        for (int r = 0; r < rows; r++) {
            code.addStatement(
                    "$T x$L = $L",
                    lanes.type(),
                    r,
                    lanes.load("in", Expressions.plus("io", r * d.inStride()) + " + m"));
        }
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < channels; c++) {
                String acc = accumulators + r + c;
                code.addStatement("$L = $L", acc, lanes.fma("g" + c, "x" + r, acc));
            }
        }
    }

    /**
     * Emits the calls of a row kernel ({@link Product} or {@link Dot}) over {@code rows} rows, its
     * {@link RowKernel#blockRows()} at a time, then one at a time:
     *
     * <pre>{@code
     * int t = 0;
     * for (; t <= 119 - 6; t += 6) {
     *     conv1ForwardRows6(x, xb + t * 9, w, bias, y, yb + t * 100);
     * }
     * for (; t < 119; t++) {
     *     conv1ForwardRows1(x, xb + t * 9, w, bias, y, yb + t * 100);
     * }
     * }</pre>
     *
     * {@code weights} is the weight array, followed by its offset when the product takes one.
     */
    static void rows(
            CodeBlock.Builder code,
            RowKernel p,
            String rows,
            String in,
            String inBase,
            String weights,
            String out,
            String outBase) {
        String args = weights + (p.takesBias() ? ", bias" : "") + (p.takesScaleAndShift() ? ", scale, shift" : "");
        String inIndex = Expressions.sum(inBase, Expressions.times("t", p.inStride()));
        String outIndex = Expressions.sum(outBase, Expressions.times("t", p.outStride()));
        code.addStatement("int t = 0");
        int block = p.blockRows();
        code.beginControlFlow("for (; t <= $L - $L; t += $L)", rows, block, block);
        code.addStatement("$L($L, $L, $L, $L, $L)", p.rowsMethod(block), in, inIndex, args, out, outIndex);
        code.endControlFlow();
        code.beginControlFlow("for (; t < $L; t++)", rows);
        code.addStatement("$L($L, $L, $L, $L, $L)", p.rowsMethod(1), in, inIndex, args, out, outIndex);
        code.endControlFlow();
    }

    static String rowsJavadoc(String javadoc, int rows) {
        return javadoc + ", " + rows + " output row" + (rows == 1 ? "" : "s") + ".";
    }

    /**
     * A {@code private static} kernel method with its Javadoc and parameters, each {@code "float[]
     * name"} or {@code "int name"}.
     */
    static MethodSpec.Builder kernelMethod(String name, String javadoc, String... parameters) {
        MethodSpec.Builder m = MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addJavadoc("$L\n", javadoc);
        for (String parameter : parameters) {
            String[] typeAndName = parameter.split(" ");
            m.addParameter(typeAndName[0].equals("int") ? TypeName.INT : LayerWriter.FLOATS, typeAndName[1]);
        }
        return m;
    }

    /**
     * The kernels of a conv1d or dense layer after its packing method ({@code pack}, or null):
     * forward product, kernel gradient, input gradient (product or dot), and the bias gradient of
     * {@code units} columns when the layer has a bias.
     */
    static List<MethodSpec> layerKernels(
            String layerName,
            MethodSpec pack,
            Product forward,
            VectorGradientKernels.WeightGradient kernelGradient,
            RowKernel inputGradient,
            String biasGradient,
            int units) {
        String name = JavaNames.commentText(layerName);
        List<MethodSpec> methods = new ArrayList<>();
        if (pack != null) {
            methods.add(pack);
        }
        methods.addAll(productMethods(forward, "Forward kernel of " + name));
        methods.addAll(VectorGradientKernels.weightGradientMethods(kernelGradient, "Kernel gradient of " + name));
        String inputDoc = "Input gradient kernel of " + name;
        methods.addAll(
                inputGradient instanceof Dot dot
                        ? dotMethods(dot, inputDoc)
                        : productMethods((Product) inputGradient, inputDoc));
        if (biasGradient != null) {
            methods.add(VectorGradientKernels.columnSums(
                    biasGradient, units, "Adds gradient rows into the bias gradient of " + name));
        }
        return methods;
    }
}
