package dev.lamina.keras;

import dev.lamina.compiler.CheckedModel;
import dev.lamina.compiler.Compilation;
import dev.lamina.compiler.LaminaCompiler;
import dev.lamina.runtime.Parameter;
import dev.lamina.runtime.interpreter.Interpreter;
import dev.lamina.runtime.io.NdArray;
import dev.lamina.runtime.spec.ModelSpec;
import dev.lamina.runtime.spec.Shape;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Imports a Keras model as a Lamina spec and Lamina weights: a legacy HDF5 model file (Keras 2,
 * tf.keras), a Keras 3 {@code .keras} archive, or an architecture JSON with its weights file. The
 * format is told from the files' first bytes. Every layer goes through {@link LayerTable}; anything
 * Lamina cannot reproduce is refused with an {@link UnsupportedKerasException}, and the spec
 * written is compiled and every weight shape checked against it before the import succeeds.
 */
public final class KerasImporter {
    private KerasImporter() {}

    /**
     * Imports a whole model file ({@code .h5}/{@code .hdf5} or {@code .keras}).
     *
     * @param modelName the Lamina model name, or null for {@link #defaultModelName} of the file
     */
    public static ImportedModel importModel(Path modelFile, String modelName) throws KerasImportException {
        return importSource(KerasFiles.model(modelFile), name(modelName, modelFile));
    }

    /**
     * Imports an architecture JSON ({@code model.to_json()}) with its weights ({@code save_weights}
     * HDF5 file, legacy or Keras 3 layout).
     *
     * @param modelName the Lamina model name, or null for {@link #defaultModelName} of the JSON file
     */
    public static ImportedModel importModel(Path architectureJson, Path weightsFile, String modelName)
            throws KerasImportException {
        return importSource(KerasFiles.pair(architectureJson, weightsFile), name(modelName, architectureJson));
    }

    /**
     * The model name for a file: its name without the extension, in UpperCamelCase ({@code
     * cnn1d_model.keras} gives {@code Cnn1dModel}, {@code model.h5} gives {@code Model}).
     */
    public static String defaultModelName(Path file) {
        String base = file.getFileName().toString();
        int dot = base.lastIndexOf('.');
        if (dot > 0) {
            base = base.substring(0, dot);
        }
        StringBuilder name = new StringBuilder();
        for (String part : base.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                name.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
            }
        }
        if (name.length() == 0 || !Character.isLetter(name.charAt(0))) {
            name.insert(0, "Model");
        }
        return name.toString();
    }

    /** Whether {@code name} can name a model: letters, digits and _, starting with a letter or _, no keyword. */
    public static boolean isValidModelName(String name) {
        return SpecValues.isBareName(name);
    }

    private static String name(String requested, Path file) throws KerasImportException {
        String name = requested == null ? defaultModelName(file) : requested;
        if (!isValidModelName(name)) {
            throw new KerasImportException("'" + name + "' cannot be a model name: use letters, digits and _,"
                    + " starting with a letter (and not a keyword such as model or input)");
        }
        return name;
    }

    private static ImportedModel importSource(KerasSource source, String modelName) throws KerasImportException {
        Optional<KerasVersion> version = source.version();
        if (version.isPresent() && version.get().major() < 2) {
            throw new KerasImportException(source.name() + " was written by Keras " + version.get()
                    + "; Lamina imports files of Keras 2 and later");
        }
        KerasModel keras = KerasModel.parse(source.modelConfig(), source.name());
        for (LayerConfig layer : keras.computingLayers()) {
            LayerTable.requireKnown(layer);
        }
        KerasGraph graph = keras.graph();
        if (graph.nodes().isEmpty()) {
            throw new KerasImportException(source.name() + ": the model has no layers besides its input");
        }
        List<String> inputNames =
                graph.inputs().stream().map(KerasModel.Input::name).toList();
        List<SpecWriter.GraphInput> inputs = new ArrayList<>();
        for (KerasModel.Input input : graph.inputs()) {
            boolean tokenIds = graph.nodes().stream()
                    .anyMatch(n -> n.sources().contains(input.name())
                            && n.layer().className().equals("Embedding"));
            inputs.add(
                    new SpecWriter.GraphInput(input.name(), declaration(input, tokenIds), inputNote(input, tokenIds)));
        }
        List<SpecWriter.GraphNode> mapped = new ArrayList<>();
        for (KerasGraph.Node node : graph.nodes()) {
            LayerConfig layer = node.layer();
            if (!SpecValues.isWritableName(layer.name())) {
                throw new KerasImportException(layer.label() + ": its name cannot be a Lamina layer name (it is"
                        + " empty or has a quote, a slash or a line break)");
            }
            List<SpecWriter.GraphNode> before = List.copyOf(mapped);
            String read = node.sources().get(0);
            MappingContext context = new MappingContext(
                    version,
                    source.weights().backend(),
                    inputNames.contains(read),
                    () -> tensorShape(modelName, graph.inputs(), inputs, before, read));
            LaminaLayer lamina = LayerTable.map(layer, context);
            if (!lamina.isMerge() && node.sources().size() != 1) {
                throw new KerasImportException(
                        layer.label() + " is called on " + node.sources().size()
                                + " tensors (" + String.join(", ", node.sources()) + "); Lamina's " + lamina.type()
                                + " takes one");
            }
            mapped.add(new SpecWriter.GraphNode(lamina, node.sources()));
        }

        SpecWriter writer = new SpecWriter()
                .header("Imported by lamina import from " + source.description() + ".")
                .header("Keras model '" + keras.name() + "' (" + keras.className() + "); weights in " + modelName
                        + ".weights.")
                .graph(inputs, mapped);
        String text = writer.write(modelName);
        CheckedModel checked = compile(modelName, text);
        List<LaminaLayer> layers =
                mapped.stream().map(SpecWriter.GraphNode::layer).toList();
        Map<String, NdArray> weights = weights(source, keras, layers, checked);
        return new ImportedModel(modelName, text, checked, weights, source.description(), inputNames);
    }

    /** Takes every weighted layer's arrays from the file and checks them against the model's parameters. */
    private static Map<String, NdArray> weights(
            KerasSource source, KerasModel keras, List<LaminaLayer> mapped, CheckedModel checked)
            throws KerasImportException {
        Map<String, LaminaLayer> byName = new LinkedHashMap<>();
        mapped.forEach(l -> byName.put(l.name(), l));
        List<WeightedLayer> wanted = new ArrayList<>();
        List<LayerConfig> layers = keras.layers();
        for (int i = 0; i < layers.size(); i++) {
            LayerConfig layer = layers.get(i);
            LaminaLayer lamina = byName.get(layer.name());
            if (lamina != null && !lamina.parameters().isEmpty()) {
                int classIndex = (int) layers.subList(0, i).stream()
                        .filter(l -> l.className().equals(layer.className()))
                        .count();
                wanted.add(new WeightedLayer(
                        layer.name(), layer.className(), classIndex, lamina.parameters(), Optional.of(layer.name())));
            }
        }
        List<List<NdArray>> arrays = source.weights().take(wanted);
        List<Parameter> parameters = new Interpreter(checked.spec(), 0).parameters();
        WeightMatching matching = new WeightMatching(source.name());
        for (int i = 0; i < wanted.size(); i++) {
            WeightedLayer layer = wanted.get(i);
            Map<String, Shape> expected = new LinkedHashMap<>();
            for (String name : layer.parameters()) {
                Parameter p = parameters.stream()
                        .filter(q -> q.key().equals(layer.name() + "/" + name))
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException(
                                "the compiled model has no parameter " + layer.name() + "/" + name));
                expected.put(name, p.shape());
            }
            matching.match(
                    layer, arrays.get(i), expected, byName.get(layer.name()).flipKernel());
        }
        Map<String, NdArray> matched = matching.result();
        Map<String, NdArray> ordered = new LinkedHashMap<>();
        for (Parameter p : parameters) {
            NdArray value = matched.get(p.key());
            if (value == null) {
                throw new IllegalStateException("no weights were matched to parameter " + p.key());
            }
            ordered.put(p.key(), value);
        }
        return ordered;
    }

    /** What follows {@code input [NAME]}: the shape without the batch, and {@code int} for token ids. */
    private static String declaration(KerasModel.Input input, boolean tokenIds) {
        List<Integer> batchShape = input.batchShape();
        String dims = batchShape.subList(1, batchShape.size()).stream()
                .map(d -> d == null ? "None" : d.toString())
                .collect(Collectors.joining(", "));
        return "[" + dims + "]" + (tokenIds ? " int" : "");
    }

    private static String inputNote(KerasModel.Input input, boolean tokenIds) {
        String shape = input.batchShape().stream()
                .map(d -> d == null ? "None" : d.toString())
                .collect(Collectors.joining(", ", "(", ")"));
        String note = input.origin() + " " + shape;
        boolean intDtype = input.dtype().startsWith("int") || input.dtype().startsWith("uint");
        if (tokenIds && !intDtype) {
            note += "; token ids for the Embedding (Keras dtype " + input.dtype() + ")";
        } else if (!tokenIds && intDtype) {
            note += "; Keras dtype " + input.dtype() + ", read as floats";
        }
        return note;
    }

    /**
     * The per-example shape of tensor {@code tensor} (a Keras input or layer name) in the model made
     * of the nodes so far, as Lamina checks it.
     */
    private static Shape tensorShape(
            String modelName,
            List<KerasModel.Input> kerasInputs,
            List<SpecWriter.GraphInput> inputs,
            List<SpecWriter.GraphNode> nodes,
            String tensor)
            throws KerasImportException {
        for (KerasModel.Input input : kerasInputs) {
            if (input.name().equals(tensor)) {
                List<Integer> dims =
                        input.batchShape().subList(1, input.batchShape().size());
                return Shape.of(dims.stream()
                        .mapToInt(d -> d == null ? Shape.UNKNOWN : d)
                        .toArray());
            }
        }
        ModelSpec spec = compile(
                        modelName, new SpecWriter().graph(inputs, nodes).write(modelName))
                .spec();
        return spec.tensorShape(spec.tensor(tensor));
    }

    private static CheckedModel compile(String modelName, String text) throws KerasImportException {
        Compilation compilation = LaminaCompiler.compile(modelName + ".lamina", text);
        if (compilation.hasErrors()) {
            throw new KerasImportException("Lamina rejects the imported model:\n"
                    + compilation.render().stripTrailing());
        }
        return compilation.models().get(0);
    }
}
