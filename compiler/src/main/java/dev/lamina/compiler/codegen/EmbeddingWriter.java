package dev.lamina.compiler.codegen;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.lamina.runtime.Initializer;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.Shape;
import java.util.List;

/**
 * {@code embedding}: each token id (a whole-number float in {@code [0, input_dim)}) becomes a row
 * of the table; the backward pass scatter-adds into the table's gradient. There is no input
 * gradient.
 */
final class EmbeddingWriter extends ComputingLayerWriter {
    private final LayerSpec.Embedding embedding;

    EmbeddingWriter(LayerSpec.Embedding embedding, String prefix, Shape in, Shape out) {
        super(embedding, prefix, in, out);
        this.embedding = embedding;
    }

    @Override
    String describe() {
        return "embedding " + embedding.inputDim() + " ids to " + embedding.outputDim();
    }

    private String table() {
        return prefix + "Embeddings";
    }

    @Override
    List<ParameterDecl> parameters() {
        return List.of(new ParameterDecl(
                "embeddings", Shape.of(embedding.inputDim(), embedding.outputDim()), Initializer.UNIFORM_005, table()));
    }

    @Override
    boolean hasInputGradient() {
        return false;
    }

    /**
     * Emits:
     *
     * <pre>{@code
     * for (int i = 0; i < batch * 8; i++) {
     *     int id = tokenId(x, i, 7);
     *     System.arraycopy(table, id * 4, y, i * 4, 4);
     * }
     * }</pre>
     */
    @Override
    MethodSpec forward() {
        int dim = embedding.outputDim();
        CodeBlock.Builder code = CodeBlock.builder();
        code.addStatement("float[] table = $L.value()", table());
        code.beginControlFlow("for (int i = 0; i < $L; i++)", Expressions.times("batch", inSize()));
        code.addStatement("int id = tokenId(x, i, $L)", embedding.inputDim());
        code.addStatement(
                "System.arraycopy(table, $L, y, $L, $L)",
                Expressions.times("id", dim),
                Expressions.times("i", dim),
                dim);
        code.endControlFlow();
        return forwardMethod().addCode(code.build()).build();
    }

    /** Emits {@code g[id * D + d] += dy[i * D + d]} for every id of the batch. */
    @Override
    MethodSpec backward() {
        int dim = embedding.outputDim();
        CodeBlock.Builder code = CodeBlock.builder();
        code.addStatement("float[] g = $L.gradient()", table());
        code.beginControlFlow("for (int i = 0; i < $L; i++)", Expressions.times("batch", inSize()));
        code.addStatement("int go = $L", Expressions.times("(int) x[i]", dim));
        code.addStatement("int yo = $L", Expressions.times("i", dim));
        code.beginControlFlow("for (int d = 0; d < $L; d++)", dim);
        code.addStatement("g[go + d] += dy[yo + d]");
        code.endControlFlow();
        code.endControlFlow();
        return backwardMethod().addCode(code.build()).build();
    }
}
