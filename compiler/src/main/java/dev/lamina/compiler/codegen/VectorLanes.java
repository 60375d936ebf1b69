package dev.lamina.compiler.codegen;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.List;

/**
 * One width of the register blocks of a vector kernel: {@code vectors} vectors of a species, or
 * one scalar lane. A row of {@code width} outputs is covered by {@link #stages}: blocks of {@link
 * #MAIN_VECTORS} preferred vectors, then 2 and 1, then the 256- and 128-bit species when the
 * preferred one is wider, then scalars, so no mask is ever needed and every species length works.
 */
record VectorLanes(String species, String step, int vectors, String guard) {
    /** Preferred vectors per register block in the widest stage. */
    static final int MAIN_VECTORS = 2;

    private static final VectorLanes SCALAR = new VectorLanes(null, "1", 1, null);

    /** The stages, widest first. */
    static List<VectorLanes> stages() {
        List<VectorLanes> stages = new ArrayList<>();
        for (int v = MAIN_VECTORS; v >= 1; v = v > 2 ? 2 : v - 1) {
            stages.add(new VectorLanes("SPECIES", "LANES", v, null));
        }
        stages.add(new VectorLanes("SPECIES_256", "8", 1, "LANES > 8"));
        stages.add(new VectorLanes("SPECIES_128", "4", 1, "LANES > 4"));
        stages.add(SCALAR);
        return stages;
    }

    boolean scalar() {
        return species == null;
    }

    /** Outputs the block covers, e.g. {@code 4 * LANES} or {@code 8}. */
    String width() {
        return times(vectors);
    }

    /** The offset of vector {@code v} within the block: {@code "", " + LANES", " + 2 * LANES"}. */
    String offset(int v) {
        return v == 0 ? "" : " + " + times(v);
    }

    private String times(int v) {
        if (v == 1) {
            return step;
        }
        return step.chars().allMatch(Character::isDigit)
                ? Integer.toString(v * Integer.parseInt(step))
                : v + " * " + step;
    }

    TypeName type() {
        return scalar() ? TypeName.FLOAT : VectorLayerWriters.FLOAT_VECTOR;
    }

    private CodeBlock speciesRef() {
        return species.equals("SPECIES")
                ? CodeBlock.of("SPECIES")
                : CodeBlock.of("$T.$L", VectorLayerWriters.FLOAT_VECTOR, species);
    }

    /** {@code FloatVector.fromArray(SPECIES, array, index)}, or {@code array[index]}. */
    CodeBlock load(String array, String index) {
        return scalar()
                ? CodeBlock.of("$L[$L]", array, index)
                : CodeBlock.of("$T.fromArray($L, $L, $L)", VectorLayerWriters.FLOAT_VECTOR, speciesRef(), array, index);
    }

    /** {@code FloatVector.broadcast(SPECIES, value)}, or {@code value}. */
    CodeBlock broadcast(String value) {
        return scalar()
                ? CodeBlock.of("$L", value)
                : CodeBlock.of("$T.broadcast($L, $L)", VectorLayerWriters.FLOAT_VECTOR, speciesRef(), value);
    }

    /** {@code FloatVector.zero(SPECIES)}, or {@code 0f}. */
    CodeBlock zero() {
        return scalar()
                ? CodeBlock.of("0f")
                : CodeBlock.of("$T.zero($L)", VectorLayerWriters.FLOAT_VECTOR, speciesRef());
    }

    /** {@code a.fma(b, acc)}, or {@code Math.fma(a, b, acc)}: {@code a * b + acc}, rounded once. */
    CodeBlock fma(String a, String b, String acc) {
        return scalar() ? CodeBlock.of("Math.fma($L, $L, $L)", a, b, acc) : CodeBlock.of("$L.fma($L, $L)", a, b, acc);
    }

    /** {@code value.max(0f)}, or {@code Math.max(value, 0f)}. */
    String relu(String value) {
        return scalar() ? "Math.max(" + value + ", 0f)" : value + ".max(0f)";
    }

    /** {@code value.intoArray(array, index);}, or {@code array[index] = value;}. */
    void store(CodeBlock.Builder code, String value, String array, String index) {
        if (scalar()) {
            code.addStatement("$L[$L] = $L", array, index, value);
        } else {
            code.addStatement("$L.intoArray($L, $L)", value, array, index);
        }
    }

    /**
     * Opens the loop of this stage over {@code f} (the caller closes it), inside {@code if (LANES >
     * 8)} for the narrower species:
     *
     * <pre>{@code
     * for (; f <= 100 - 4 * LANES; f += 4 * LANES) {
     * }</pre>
     */
    void beginLoop(CodeBlock.Builder code, String index, int width) {
        openGuard(code);
        loopHeader(code, index, width);
    }

    /** Opens {@code if (LANES > 8)} for the narrower species (the caller closes it with {@link #closeGuard}). */
    void openGuard(CodeBlock.Builder code) {
        if (guard != null) {
            code.beginControlFlow("if ($L)", guard);
        }
    }

    /** Closes {@link #openGuard}. */
    void closeGuard(CodeBlock.Builder code) {
        if (guard != null) {
            code.endControlFlow();
        }
    }

    /** Opens the loop of this stage over {@code index} (the caller closes it). */
    void loopHeader(CodeBlock.Builder code, String index, int width) {
        if (scalar()) {
            code.beginControlFlow("for (; $L < $L; $L++)", index, width, index);
        } else {
            code.beginControlFlow("for (; $L <= $L - $L; $L += $L)", index, width, width(), index, width());
        }
    }

    /** Closes {@link #beginLoop}. */
    void endLoop(CodeBlock.Builder code) {
        code.endControlFlow();
        closeGuard(code);
    }

    /** {@code value.reduceLanes(VectorOperators.ADD)}, or {@code value}. */
    CodeBlock sum(String value) {
        return scalar()
                ? CodeBlock.of("$L", value)
                : CodeBlock.of("$L.reduceLanes($T.ADD)", value, VectorLayerWriters.VECTOR_OPERATORS);
    }
}
