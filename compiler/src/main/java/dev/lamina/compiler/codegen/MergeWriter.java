package dev.lamina.compiler.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.MergeKind;
import dev.lamina.runtime.spec.Shape;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The element-wise merges ({@code add}, {@code subtract}, {@code multiply}, {@code average},
 * {@code maximum}, {@code minimum}), with the interpreter's arithmetic and order: inputs are folded
 * left to right, maximum and minimum keep the earlier value on a tie (and propagate NaN), and each
 * gradient goes to the input whose value was kept. Inputs of the output's shape are read at the
 * same position; an input that broadcasts (a size-1 axis) reads through a constant index map.
 *
 * <pre>{@code
 * private void addForward(float[] x0, float[] x1, float[] y, int batch) {
 *     for (int i = 0, n = batch * 64; i < n; i++) {
 *         y[i] = x0[i] + x1[i];
 *     }
 * }
 * }</pre>
 */
final class MergeWriter extends ListInputWriter {
    private static final ClassName MERGE_RULE = ClassName.get("dev.lamina.runtime.spec", "MergeRule");

    private final MergeKind kind;

    MergeWriter(LayerSpec.Merge layer, String prefix, List<Shape> ins, Shape out) {
        super(layer, prefix, ins, out);
        this.kind = layer.kind();
    }

    @Override
    String describe() {
        return kind.kerasName() + " of " + ins.size() + " inputs";
    }

    private boolean broadcasts(int slot) {
        return !ins.get(slot).equals(out);
    }

    private boolean anyBroadcast() {
        for (int slot = 0; slot < ins.size(); slot++) {
            if (broadcasts(slot)) {
                return true;
            }
        }
        return false;
    }

    private String mapField(int slot) {
        return JavaNames.constantName(prefix) + "_MAP" + slot;
    }

    /** The index maps of broadcasting inputs, computed once by the runtime's rule. */
    @Override
    List<FieldSpec> fields() {
        List<FieldSpec> fields = new ArrayList<>();
        for (int slot = 0; slot < ins.size(); slot++) {
            if (broadcasts(slot)) {
                fields.add(FieldSpec.builder(INTS, mapField(slot), Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .initializer(
                                "$T.broadcastIndexMap($L, $L)",
                                MERGE_RULE,
                                SpecLiteral.shape(ins.get(slot)),
                                SpecLiteral.shape(out))
                        .build());
            }
        }
        return fields;
    }

    /** Input {@code slot}'s value for output position {@code o} of example {@code b}. */
    private String read(int slot) {
        if (!anyBroadcast()) {
            return inputParameter(slot) + "[i]";
        }
        String offset = Expressions.times("b", inSize(slot));
        String index = broadcasts(slot) ? mapField(slot) + "[o]" : "o";
        return inputParameter(slot) + "[" + Expressions.sum(offset, index) + "]";
    }

    private String gradientTarget(int slot) {
        if (!anyBroadcast()) {
            return inputGradientParameter(slot) + "[i]";
        }
        String offset = Expressions.times("b", inSize(slot));
        String index = broadcasts(slot) ? mapField(slot) + "[o]" : "o";
        return inputGradientParameter(slot) + "[" + Expressions.sum(offset, index) + "]";
    }

    /** Opens the loops over every output value; the body uses {@code i} (flat) and {@code b}, {@code o}. */
    private void beginLoops(CodeBlock.Builder code) {
        if (anyBroadcast()) {
            code.beginControlFlow("for (int b = 0; b < batch; b++)");
            code.beginControlFlow("for (int o = 0; o < $L; o++)", outSize());
            code.addStatement("int i = $L", Expressions.sum(Expressions.times("b", outSize()), "o"));
        } else {
            code.beginControlFlow("for (int i = 0, n = $L; i < n; i++)", Expressions.times("batch", outSize()));
        }
    }

    private void endLoops(CodeBlock.Builder code) {
        code.endControlFlow();
        if (anyBroadcast()) {
            code.endControlFlow();
        }
    }

    @Override
    MethodSpec forward() {
        CodeBlock.Builder code = CodeBlock.builder();
        beginLoops(code);
        switch (kind) {
            case ADD, SUBTRACT, MULTIPLY, AVERAGE -> {
                String op = kind == MergeKind.SUBTRACT ? " - " : kind == MergeKind.MULTIPLY ? " * " : " + ";
                List<String> terms = new ArrayList<>();
                for (int slot = 0; slot < ins.size(); slot++) {
                    terms.add(read(slot));
                }
                String value = String.join(op, terms);
                code.addStatement(
                        "y[i] = $L", kind == MergeKind.AVERAGE ? "(" + value + ") / " + ins.size() + "f" : value);
            }
            case MAXIMUM, MINIMUM -> {
                code.addStatement("float v = $L", read(0));
                for (int slot = 1; slot < ins.size(); slot++) {
                    code.addStatement("float v$L = $L", slot, read(slot));
                    code.beginControlFlow("if ($L)", keeps("v" + slot, "v"));
                    code.addStatement("v = v$L", slot);
                    code.endControlFlow();
                }
                code.addStatement("y[i] = v");
            }
        }
        endLoops(code);
        return forwardMethod().addCode(code.build()).build();
    }

    /** Whether the fold of maximum/minimum takes {@code candidate} over {@code kept} (NaN propagates). */
    private String keeps(String candidate, String kept) {
        return candidate + (kind == MergeKind.MAXIMUM ? " > " : " < ") + kept + " || Float.isNaN(" + candidate + ")";
    }

    @Override
    MethodSpec backward() {
        CodeBlock.Builder code = CodeBlock.builder();
        if (anyBroadcast()) {
            for (int slot = 0; slot < ins.size(); slot++) {
                code.addStatement(
                        "$T.fill($L, 0, $L, 0f)",
                        ARRAYS,
                        inputGradientParameter(slot),
                        Expressions.times("batch", inSize(slot)));
            }
        }
        String assign = anyBroadcast() ? " += " : " = ";
        beginLoops(code);
        code.addStatement("float g = dy[i]");
        switch (kind) {
            case ADD -> {
                for (int slot = 0; slot < ins.size(); slot++) {
                    code.addStatement("$L$Lg", gradientTarget(slot), assign);
                }
            }
            case SUBTRACT -> {
                code.addStatement("$L$Lg", gradientTarget(0), assign);
                code.addStatement("$L$L-g", gradientTarget(1), assign);
            }
            case AVERAGE -> {
                for (int slot = 0; slot < ins.size(); slot++) {
                    code.addStatement("$L$Lg / $Lf", gradientTarget(slot), assign, ins.size());
                }
            }
            case MULTIPLY -> {
                for (int slot = 0; slot < ins.size(); slot++) {
                    List<String> others = new ArrayList<>();
                    for (int other = 0; other < ins.size(); other++) {
                        if (other != slot) {
                            others.add(read(other));
                        }
                    }
                    String product = others.size() == 1 ? others.get(0) : "(" + String.join(" * ", others) + ")";
                    code.addStatement("$L$Lg * $L", gradientTarget(slot), assign, product);
                }
            }
            case MAXIMUM, MINIMUM -> {
                code.addStatement("float v = $L", read(0));
                code.addStatement("int kept = 0");
                for (int slot = 1; slot < ins.size(); slot++) {
                    code.addStatement("float v$L = $L", slot, read(slot));
                    code.beginControlFlow("if ($L)", keeps("v" + slot, "v"));
                    code.addStatement("v = v$L", slot);
                    code.addStatement("kept = $L", slot);
                    code.endControlFlow();
                }
                for (int slot = 0; slot < ins.size(); slot++) {
                    code.addStatement("$L$Lkept == $L ? g : 0f", gradientTarget(slot), assign, slot);
                }
            }
        }
        endLoops(code);
        return backwardMethod().addCode(code.build()).build();
    }
}
