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
import dev.lamina.runtime.spec.InputSpec;
import dev.lamina.runtime.spec.ModelSpec;
import dev.lamina.runtime.spec.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The generated classes of every imported case of a corpus for one backend, compiled in one javac
 * run and shared by the tests of a JVM. A model with an input length that is None in Keras is
 * generated for the lengths of the case's inputs.
 */
final class CompiledCorpus {
    /** An input declaration: {@code input [dims]} or {@code input NAME [dims]}. */
    private static final Pattern INPUT = Pattern.compile("(input(?: \\w+)? )\\[[^\\]]*\\]");

    private static final Map<String, CompiledCorpus> INSTANCES = new HashMap<>();

    private final Map<String, String> classNames = new HashMap<>();
    private final InMemoryJavaCompiler.Result compiled;

    private CompiledCorpus(Backend backend, List<KerasCase> cases) {
        List<InMemoryJavaCompiler.Source> sources = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            KerasCase c = cases.get(i);
            if (CorpusImports.of(c) instanceof CorpusImports.Imported imported && c.y().isPresent()) {
                ModelSpec spec =
                        specFor(imported.model(), c.inputs(imported.model().kerasInputs()));
                GeneratedModel model =
                        new ModelGenerator("dev.lamina.generated.keras.case" + i, backend).generate(spec);
                classNames.put(c.dir().toString(), model.qualifiedName());
                sources.add(new InMemoryJavaCompiler.Source(model.qualifiedName(), model.source()));
            }
        }
        String surefire = System.getProperty("surefire.test.class.path");
        String classPath = surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
        compiled = InMemoryJavaCompiler.forBackend(backend, classPath, CompiledCorpus.class.getClassLoader())
                .compile(sources);
    }

    /** The classes of {@code cases} for {@code backend}, compiled on first use. */
    static synchronized CompiledCorpus get(Backend backend, List<KerasCase> cases) {
        String key = backend + " " + cases.stream().map(c -> c.dir().toString()).collect(Collectors.joining(","));
        return INSTANCES.computeIfAbsent(key, k -> new CompiledCorpus(backend, cases));
    }

    /** A new instance of the case's generated class (weights from seed 0, to be replaced). */
    Model newModel(KerasCase c) {
        return GeneratedModels.newInstance(compiled.load(classNames.get(c.dir().toString())), 0);
    }

    /** The imported spec, with input lengths known only at run time set to those of the case's inputs. */
    static ModelSpec specFor(ImportedModel model, List<NdArray> inputs) {
        ModelSpec spec = model.model().spec();
        if (spec.inputs().stream().map(InputSpec::shape).allMatch(Shape::isFullyKnown)) {
            return spec;
        }
        Matcher declaration = INPUT.matcher(model.specText());
        StringBuilder text = new StringBuilder();
        List<Shape> shapes = new ArrayList<>();
        for (NdArray input : inputs) {
            int[] dims = Arrays.copyOfRange(input.shape(), 1, input.shape().length);
            shapes.add(Shape.of(dims));
            if (!declaration.find()) {
                throw new AssertionError("the spec declares fewer inputs than the case has");
            }
            String concrete = Arrays.stream(dims).mapToObj(Integer::toString).collect(Collectors.joining(", "));
            declaration.appendReplacement(text, Matcher.quoteReplacement(declaration.group(1) + "[" + concrete + "]"));
        }
        declaration.appendTail(text);
        Compilation compilation = LaminaCompiler.compile(model.specFileName(), text.toString());
        if (compilation.hasErrors()) {
            throw new AssertionError("the spec with inputs " + shapes + " does not compile:\n" + compilation.render());
        }
        return compilation.models().get(0).spec();
    }
}
