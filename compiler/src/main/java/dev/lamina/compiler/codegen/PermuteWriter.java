package dev.lamina.compiler.codegen;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code permute}: output axis {@code i} is input axis {@code dims[i] - 1}. Both passes are nested
 * loops over the output axes with the input offset built from the input's strides, e.g. for dims
 * [2, 1] on (6, 2): {@code y[yb + i0 * 6 + i1] = x[xb + i0 + i1 * 2]}.
 */
final class PermuteWriter extends ComputingLayerWriter {
    private final LayerSpec.Permute permute;

    PermuteWriter(LayerSpec.Permute permute, String prefix, Shape in, Shape out) {
        super(permute, prefix, in, out);
        this.permute = permute;
    }

    @Override
    String describe() {
        return "permute " + permute.dims();
    }

    @Override
    MethodSpec forward() {
        return forwardMethod().addCode(loops("y", "x")).build();
    }

    @Override
    MethodSpec backward() {
        return backwardMethod().addCode(loops("dx", "dy")).build();
    }

    /**
     * The nested loops over the output axes; forward reads the input at the permuted offset and
     * writes the output in order, backward ({@code to} = dx) writes the input's offset from the
     * output gradient in order.
     */
    private CodeBlock loops(String to, String from) {
        int rank = in.rank();
        int[] inStrides = new int[rank];
        int stride = 1;
        for (int axis = rank - 1; axis >= 0; axis--) {
            inStrides[axis] = stride;
            stride *= in.dim(axis);
        }
        CodeBlock.Builder code = CodeBlock.builder();
        beginExampleLoop(code);
        code.addStatement("int yo = yb");
        List<String> terms = new ArrayList<>();
        terms.add("xb");
        for (int axis = 0; axis < rank; axis++) {
            code.beginControlFlow("for (int i$L = 0; i$L < $L; i$L++)", axis, axis, out.dim(axis), axis);
            terms.add(Expressions.times("i" + axis, inStrides[permute.dims().get(axis) - 1]));
        }
        String inIndex = Expressions.sum(terms.toArray(String[]::new));
        if (to.equals("y")) {
            code.addStatement("y[yo++] = $L[$L]", from, inIndex);
        } else {
            code.addStatement("dx[$L] = $L[yo++]", inIndex, from);
        }
        for (int axis = 0; axis < rank; axis++) {
            code.endControlFlow();
        }
        code.endControlFlow();
        return code.build();
    }
}
