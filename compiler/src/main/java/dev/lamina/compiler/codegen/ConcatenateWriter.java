package dev.lamina.compiler.codegen;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.MergeRule;
import dev.lamina.runtime.spec.Shape;
import java.util.List;

/**
 * {@code concatenate}: per example and index of the axes before the joined one, the blocks of
 * every input in order, copied with {@code System.arraycopy}; backward copies the blocks of the
 * gradient back.
 *
 * <pre>{@code
 * for (int r = 0, rows = batch * 1; r < rows; r++) {
 *     System.arraycopy(x0, r * 100, y, r * 300, 100);
 *     System.arraycopy(x1, r * 200, y, r * 300 + 100, 200);
 * }
 * }</pre>
 */
final class ConcatenateWriter extends ListInputWriter {
    /** Product of the per-example dimensions before the joined axis. */
    private final int outer;

    private final int axis;

    ConcatenateWriter(LayerSpec.Concatenate layer, String prefix, List<Shape> ins, Shape out) {
        super(layer, prefix, ins, out);
        this.axis = MergeRule.perExampleAxis(layer.axis(), out.rank());
        int product = 1;
        for (int a = 0; a < axis; a++) {
            product *= out.dim(a);
        }
        this.outer = product;
    }

    @Override
    String describe() {
        return "concatenate on axis " + (axis + 1);
    }

    private int block(int slot) {
        return inSize(slot) / outer;
    }

    private void copies(CodeBlock.Builder code, boolean forward) {
        code.beginControlFlow("for (int r = 0, rows = $L; r < rows; r++)", Expressions.times("batch", outer));
        int at = 0;
        for (int slot = 0; slot < ins.size(); slot++) {
            String inputAt = Expressions.times("r", block(slot));
            String outputAt = Expressions.sum(Expressions.times("r", outSize() / outer), Integer.toString(at));
            if (forward) {
                code.addStatement(
                        "System.arraycopy($L, $L, y, $L, $L)", inputParameter(slot), inputAt, outputAt, block(slot));
            } else {
                code.addStatement(
                        "System.arraycopy(dy, $L, $L, $L, $L)",
                        outputAt,
                        inputGradientParameter(slot),
                        inputAt,
                        block(slot));
            }
            at += block(slot);
        }
        code.endControlFlow();
    }

    @Override
    MethodSpec forward() {
        CodeBlock.Builder code = CodeBlock.builder();
        copies(code, true);
        return forwardMethod().addCode(code.build()).build();
    }

    @Override
    MethodSpec backward() {
        CodeBlock.Builder code = CodeBlock.builder();
        copies(code, false);
        return backwardMethod().addCode(code.build()).build();
    }
}
