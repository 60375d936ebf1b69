package dev.lamina.compiler.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.Shape;
import javax.lang.model.element.Modifier;

/**
 * The {@link Backend#VECTOR} writers: which layers have a Vector API writer, and the constants
 * their code shares. Layers without one keep their scalar writer.
 */
final class VectorLayerWriters {
    static final ClassName FLOAT_VECTOR = ClassName.get("jdk.incubator.vector", "FloatVector");
    static final ClassName VECTOR_SPECIES = ClassName.get("jdk.incubator.vector", "VectorSpecies");
    static final ClassName VECTOR_OPERATORS = ClassName.get("jdk.incubator.vector", "VectorOperators");
    static final ClassName VECTOR_MASK = ClassName.get("jdk.incubator.vector", "VectorMask");

    private VectorLayerWriters() {}

    /** Outputs per row (filters, units) below which vectors cannot pay: the scalar writer is kept. */
    static final int MIN_WIDTH = 4;

    /**
     * The vector writer of {@code layer}, or null when the scalar writer is used: conv1d and dense
     * with at least {@link #MIN_WIDTH} filters or units and more than {@link
     * Conv1DWriter#UNROLL_LIMIT} multiply-adds per example (smaller layers are best as the scalar
     * writer's straight-line or row code).
     */
    static LayerWriter forLayer(LayerSpec layer, String prefix, Shape in, Shape out) {
        if (layer instanceof LayerSpec.Conv1D c
                && c.filters() >= MIN_WIDTH
                && (long) out.dim(0) * c.kernelSize() * in.dim(1) * c.filters() > Conv1DWriter.UNROLL_LIMIT) {
            return new VectorConv1DWriter(c, prefix, in, out);
        }
        if (layer instanceof LayerSpec.Dense d
                && d.units() >= MIN_WIDTH
                && (long) in.size() * d.units() > Conv1DWriter.UNROLL_LIMIT) {
            return new VectorDenseWriter(d, prefix, in, out);
        }
        return null;
    }

    /**
     * Declares {@code SPECIES} (the preferred float species of the machine the class runs on) and
     * {@code LANES} (its length), constants the JIT folds into the kernels:
     *
     * <pre>{@code
     * private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
     * private static final int LANES = SPECIES.length();
     * }</pre>
     */
    static void addSpeciesConstants(TypeSpec.Builder type) {
        type.addField(FieldSpec.builder(
                        ParameterizedTypeName.get(VECTOR_SPECIES, TypeName.FLOAT.box()),
                        "SPECIES",
                        Modifier.PRIVATE,
                        Modifier.STATIC,
                        Modifier.FINAL)
                .initializer("$T.SPECIES_PREFERRED", FLOAT_VECTOR)
                .build());
        type.addField(FieldSpec.builder(TypeName.INT, "LANES", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer("SPECIES.length()")
                .build());
    }
}
