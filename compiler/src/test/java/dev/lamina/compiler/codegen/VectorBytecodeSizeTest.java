package dev.lamina.compiler.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.compiler.javac.InMemoryJavaCompiler;
import dev.lamina.runtime.spec.ModelSpec;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The vector backend's methods stay JIT-compilable (under {@link
 * BytecodeSizeTest#HUGE_METHOD_LIMIT} bytes of bytecode): for every golden case, and for the
 * activity CNN, whose conv1d layers have the widest kernels. Runs in the build's {@code
 * vector-backend} Surefire execution.
 */
class VectorBytecodeSizeTest {

    @Test
    void everyGoldenCaseMethodIsJitCompilable() {
        CompiledGoldenModels models = CompiledGoldenModels.get(Backend.VECTOR);
        assertThat(hugeMethods(models.compiled.classFiles())).isEmpty();
    }

    @Test
    void activityCnnMethodsAreJitCompilableAndItsHeavyLayersUseVectors() {
        GeneratedModel model =
                new ModelGenerator("dev.lamina.generated", Backend.VECTOR).generate(TestModels.activityCnn());
        assertThat(model.source())
                .contains("conv1d1ForwardRows6(")
                .contains("conv1d3KernelGradient(")
                .contains("private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;");
        InMemoryJavaCompiler.Result result =
                TestCompiler.create(Backend.VECTOR).compile(model.qualifiedName(), model.source());
        assertThat(result.classFiles()).containsKey(model.qualifiedName());
        assertThat(hugeMethods(result.classFiles())).isEmpty();
    }

    /** FCN (its normalizations folded into vector convolutions), ResNet and InceptionTime. */
    @Test
    void timeSeriesBaselineMethodsAreJitCompilable() {
        for (ModelSpec spec : TestModels.timeSeriesBaselines()) {
            GeneratedModel model = new ModelGenerator("dev.lamina.generated", Backend.VECTOR).generate(spec);
            if (spec.name().equals("Fcn")) {
                assertThat(model.source()).contains("conv1d1ForwardFolded(", "conv1d1FoldedForwardRows6(");
            }
            InMemoryJavaCompiler.Result result =
                    TestCompiler.create(Backend.VECTOR).compile(model.qualifiedName(), model.source());
            assertThat(hugeMethods(result.classFiles())).isEmpty();
        }
    }

    /** {@code class.method} to its size, for every method at or above the limit. */
    private static Map<String, Integer> hugeMethods(Map<String, byte[]> classFiles) {
        return classFiles.entrySet().stream()
                .flatMap(c -> ClassFileMethods.bytecodeSizes(c.getValue()).entrySet().stream()
                        .filter(m -> m.getValue() >= BytecodeSizeTest.HUGE_METHOD_LIMIT)
                        .map(m -> Map.entry(c.getKey() + "." + m.getKey(), m.getValue())))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
