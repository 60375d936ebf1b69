package dev.lamina.compiler.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.compiler.javac.InMemoryJavaCompiler;
import dev.lamina.runtime.spec.ModelSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * HotSpot never JIT-compiles a method of 8,000 bytes of bytecode or more (DontCompileHugeMethods):
 * no generated method may reach that size, for any golden case, the activity CNN or the time-series
 * baselines of the samples.
 */
class BytecodeSizeTest {
    static final int HUGE_METHOD_LIMIT = 8000;

    @Test
    void everyGoldenCaseMethodIsJitCompilable() {
        CompiledGoldenModels models = CompiledGoldenModels.get(Backend.SCALAR);
        assertThat(models.compiled.classFiles()).hasSizeGreaterThanOrEqualTo((int)
                models.cases.stream().filter(c -> c.unsupported().isEmpty()).count());
        assertNoHugeMethod(models.compiled.classFiles());
    }

    @Test
    void activityCnnMethodsAreJitCompilable() {
        ModelSpec spec = TestModels.activityCnn();
        GeneratedModel model = new ModelGenerator("dev.lamina.generated").generate(spec);
        InMemoryJavaCompiler.Result result = TestCompiler.create().compile(model.qualifiedName(), model.source());
        assertThat(result.classFiles()).containsKey(model.qualifiedName());
        assertNoHugeMethod(result.classFiles());
    }

    /** FCN, ResNet and InceptionTime: many layers, folded normalizations and training segments. */
    @Test
    void timeSeriesBaselineMethodsAreJitCompilable() {
        for (ModelSpec spec : TestModels.timeSeriesBaselines()) {
            GeneratedModel model = new ModelGenerator("dev.lamina.generated").generate(spec);
            InMemoryJavaCompiler.Result result = TestCompiler.create().compile(model.qualifiedName(), model.source());
            assertNoHugeMethod(result.classFiles());
        }
    }

    static void assertNoHugeMethod(Map<String, byte[]> classFiles) {
        List<String> huge = new ArrayList<>();
        int methods = 0;
        for (Map.Entry<String, byte[]> c : classFiles.entrySet()) {
            for (Map.Entry<String, Integer> m :
                    ClassFileMethods.bytecodeSizes(c.getValue()).entrySet()) {
                methods++;
                if (m.getValue() >= HUGE_METHOD_LIMIT) {
                    huge.add(c.getKey() + "." + m.getKey() + ": " + m.getValue() + " bytes");
                }
            }
        }
        assertThat(methods).isPositive();
        assertThat(huge)
                .as("methods of %d bytes of bytecode or more", HUGE_METHOD_LIMIT)
                .isEmpty();
    }
}
