package dev.lamina.keras;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.lamina.compiler.codegen.Backend;
import dev.lamina.runtime.Model;
import dev.lamina.runtime.golden.Tolerance;
import dev.lamina.runtime.io.NdArray;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;

/**
 * The corpus checks shared by the scalar and vector suites: for every case and engine, import the
 * model, run the case's input and compare with Keras's output under the case's tolerance. A case
 * whose model uses something Lamina does not have is skipped (JUnit assumption) with the Keras
 * class and option in the reason; a case marked {@code expect_error} must be refused.
 */
final class CorpusChecks {
    /** Model classes an unsupported structure names instead of a layer class. */
    private static final Set<String> MODEL_CLASSES = Set.of("Sequential", "Functional", "Model");

    /** How a case's model is run. */
    enum Engine {
        INTERPRETER("interpreter"),
        GENERATED("generated"),
        VECTOR("vector"),
        KERAS_WEIGHTS("KerasWeights.load into the interpreter"),
        ARCHITECTURE_JSON("architecture JSON + weights, interpreter");

        final String label;

        Engine(String label) {
            this.label = label;
        }
    }

    private CorpusChecks() {}

    /** One dynamic test per case of the corpus and engine, named {@code <case> (<engine>)}. */
    static Stream<DynamicTest> tests(List<Engine> engines) {
        return tests(KerasCorpus.cases(), engines);
    }

    /** One dynamic test per case and engine, named {@code <case> (<engine>)}. */
    static Stream<DynamicTest> tests(List<KerasCase> cases, List<Engine> engines) {
        List<DynamicTest> tests = new ArrayList<>();
        for (KerasCase c : cases) {
            if (c.expectError().isPresent()) {
                tests.add(DynamicTest.dynamicTest(c.name() + " (refused)", () -> checkRefused(c)));
                continue;
            }
            for (Engine engine : engines) {
                if (engine == Engine.ARCHITECTURE_JSON
                        && (c.architectureJson().isEmpty() || c.weightsFile().isEmpty())) {
                    continue;
                }
                tests.add(DynamicTest.dynamicTest(c.name() + " (" + engine.label + ")", () -> check(c, cases, engine)));
            }
        }
        return tests.stream();
    }

    private static void checkRefused(KerasCase c) {
        CorpusImports.Outcome outcome = CorpusImports.of(c);
        if (outcome instanceof CorpusImports.Imported) {
            fail("the case is marked expect_error (" + c.expectError().get() + ") but was imported");
        }
        KerasImportException error =
                outcome instanceof CorpusImports.Unsupported u ? u.error() : ((CorpusImports.Refused) outcome).error();
        assertThat(error.getMessage()).as("the refusal's message").isNotBlank();
        assertThat(error.getMessage()).doesNotContain("Exception");
    }

    private static void check(KerasCase c, List<KerasCase> cases, Engine engine) throws KerasImportException {
        ImportedModel imported = imported(c);
        List<NdArray> inputs = c.inputs(imported.kerasInputs());
        float[][] x = inputs.stream().map(NdArray::data).toArray(float[][]::new);
        int rows = inputs.get(0).rows();
        NdArray y = c.y().orElseThrow(() -> new AssertionError("the case has no y.npy"));
        Model model =
                switch (engine) {
                    case INTERPRETER -> imported.newInterpreter();
                    case GENERATED -> generated(c, cases, imported, Backend.SCALAR);
                    case VECTOR -> generated(c, cases, imported, Backend.VECTOR);
                    case KERAS_WEIGHTS -> {
                        Model interpreter = new dev.lamina.runtime.interpreter.Interpreter(
                                imported.model().spec(), 7);
                        KerasWeights.load(c.modelFile(), interpreter);
                        yield interpreter;
                    }
                    case ARCHITECTURE_JSON -> KerasImporter.importModel(
                                    c.architectureJson().get(), c.weightsFile().get(), null)
                            .newInterpreter();
                };
        float[] predicted = model.predict(x, rows);
        assertClose(engine.label, predicted, y, c.tolerance());
        if (engine == Engine.ARCHITECTURE_JSON) {
            Model loaded = imported.newInterpreter();
            KerasWeights.load(c.weightsFile().get(), loaded);
            assertClose(
                    "KerasWeights.load of " + c.weightsFile().get().getFileName(),
                    loaded.predict(x, rows),
                    y,
                    c.tolerance());
        }
    }

    /** The imported model, or the test skipped (unsupported) or failed (any other refusal). */
    private static ImportedModel imported(KerasCase c) {
        CorpusImports.Outcome outcome = CorpusImports.of(c);
        if (outcome instanceof CorpusImports.Unsupported u) {
            UnsupportedKerasException e = u.error();
            assertThat(c.layers().contains(e.kerasClass()) || MODEL_CLASSES.contains(e.kerasClass()))
                    .as("the unsupported class %s is one of the case's layers %s", e.kerasClass(), c.layers())
                    .isTrue();
            Assumptions.abort("Lamina does not support Keras " + e.kerasClass()
                    + e.option().map(o -> " with " + o).orElse("") + " (layer '" + e.layerName() + "'): "
                    + e.getMessage());
        }
        if (outcome instanceof CorpusImports.Refused r) {
            fail("the import failed: " + r.error().getMessage(), r.error());
        }
        return ((CorpusImports.Imported) outcome).model();
    }

    private static Model generated(KerasCase c, List<KerasCase> cases, ImportedModel imported, Backend backend) {
        Model model = CompiledCorpus.get(backend, cases).newModel(c);
        imported.setWeights(model);
        return model;
    }

    private static void assertClose(String what, float[] actual, NdArray expected, Tolerance tolerance) {
        float[] e = expected.data();
        if (actual.length != e.length) {
            fail(what + ": " + actual.length + " outputs, Keras has " + e.length + " " + shape(expected));
        }
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < e.length; i++) {
            if (!tolerance.matches(actual[i], e[i])) {
                mismatches.add("[" + i + "] " + actual[i] + " vs " + e[i]);
            }
        }
        if (!mismatches.isEmpty()) {
            fail(what + ": " + mismatches.size() + " of " + e.length + " outputs differ from Keras's (" + tolerance
                    + "): " + String.join(", ", mismatches.subList(0, Math.min(6, mismatches.size()))));
        }
    }

    private static String shape(NdArray a) {
        return WeightMatching.shape(a.shape());
    }
}
