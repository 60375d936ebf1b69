package dev.lamina.keras;

import dev.lamina.compiler.Compilation;
import dev.lamina.compiler.LaminaCompiler;
import dev.lamina.compiler.codegen.Backend;
import dev.lamina.compiler.codegen.GeneratedModel;
import dev.lamina.compiler.codegen.ModelGenerator;
import dev.lamina.compiler.javac.GeneratedModels;
import dev.lamina.compiler.javac.InMemoryJavaCompiler;
import dev.lamina.runtime.Model;
import dev.lamina.runtime.io.NdArray;
import dev.lamina.runtime.spec.ModelSpec;
import dev.lamina.runtime.spec.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The generated classes of every imported corpus case for one backend, compiled in one javac run
 * and shared by the tests of a JVM. A model whose input length is None in Keras is generated for
 * the length of the case's input.
 */
final class CompiledCorpus {
    private static final Map<Backend, CompiledCorpus> INSTANCES = new EnumMap<>(Backend.class);

    private final Map<String, String> classNames = new HashMap<>();
    private final InMemoryJavaCompiler.Result compiled;

    private CompiledCorpus(Backend backend) {
        List<InMemoryJavaCompiler.Source> sources = new ArrayList<>();
        List<KerasCase> cases = KerasCorpus.cases();
        for (int i = 0; i < cases.size(); i++) {
            KerasCase c = cases.get(i);
            if (CorpusImports.of(c) instanceof CorpusImports.Imported imported && c.x().isPresent()) {
                ModelSpec spec = specFor(imported.model(), c.x().get());
                GeneratedModel model =
                        new ModelGenerator("dev.lamina.generated.keras.case" + i, backend).generate(spec);
                classNames.put(c.name(), model.qualifiedName());
                sources.add(new InMemoryJavaCompiler.Source(model.qualifiedName(), model.source()));
            }
        }
        String surefire = System.getProperty("surefire.test.class.path");
        String classPath = surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
        compiled = InMemoryJavaCompiler.forBackend(backend, classPath, CompiledCorpus.class.getClassLoader())
                .compile(sources);
    }

    static synchronized CompiledCorpus get(Backend backend) {
        return INSTANCES.computeIfAbsent(backend, CompiledCorpus::new);
    }

    /** A new instance of the case's generated class (weights from seed 0, to be replaced). */
    Model newModel(KerasCase c) {
        return GeneratedModels.newInstance(compiled.load(classNames.get(c.name())), 0);
    }

    /** The imported spec, with an input length known only at run time set to the case's. */
    static ModelSpec specFor(ImportedModel model, NdArray x) {
        ModelSpec spec = model.model().spec();
        if (spec.inputs().get(0).shape().isFullyKnown()) {
            return spec;
        }
        int[] dims = Arrays.copyOfRange(x.shape(), 1, x.shape().length);
        String concrete = Arrays.stream(dims).mapToObj(Integer::toString).collect(Collectors.joining(", "));
        Compilation compilation = LaminaCompiler.compile(
                model.specFileName(), model.specText().replaceFirst("input \\[[^\\]]*\\]", "input [" + concrete + "]"));
        if (compilation.hasErrors()) {
            throw new AssertionError(
                    "the spec with input " + Shape.of(dims) + " does not compile:\n" + compilation.render());
        }
        return compilation.models().get(0).spec();
    }
}
