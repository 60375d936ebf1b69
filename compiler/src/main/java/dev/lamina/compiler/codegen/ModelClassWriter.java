package dev.lamina.compiler.codegen;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.lamina.runtime.AbstractModel;
import dev.lamina.runtime.spec.Activation;
import dev.lamina.runtime.spec.DataFormat;
import dev.lamina.runtime.spec.InputSpec;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.ModelSpec;
import dev.lamina.runtime.spec.NodeSpec;
import dev.lamina.runtime.spec.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes the class of one model graph: the header ({@code @Generated}, the Javadoc summary table),
 * the spec and parameters, the per-batch buffers, the {@code AbstractModel} overrides that run the
 * nodes in the graph's order (forward) and in reverse (backward), and every node's members from its
 * {@link LayerWriter}. Every shape comes from the {@link ModelSpec}, computed once by the checker's
 * rules; a tensor read by several nodes receives the sum of their gradients, in reader order, as in
 * the interpreter.
 */
final class ModelClassWriter {
    static final ClassName ABSTRACT_MODEL = ClassName.get("dev.lamina.runtime", "AbstractModel");
    static final ClassName INITIALIZER = ClassName.get("dev.lamina.runtime", "Initializer");
    static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
    static final TypeName STATISTICS_LIST =
            ParameterizedTypeName.get(SpecLiteral.LIST, KernelLayerWriter.BATCH_STATISTICS);

    private final ModelSpec spec;
    private final String className;
    private final List<LayerWriter> writers = new ArrayList<>();
    private final String specSource;
    private final List<String> layerOrigins;
    private final Backend backend;
    private final int inputCount;
    private final int outputTensor;
    /** The tensor whose array holds the output: the output, or what a trailing flatten/reshape aliases. */
    private final int outputRoot;
    /** readers.get(t): the (node, slot) pairs reading tensor t on a path to the output. */
    private final List<List<int[]>> readers = new ArrayList<>();

    /** Helper methods that split methods growing with the node count ({@link MethodChunks}). */
    private final List<MethodSpec> chunks = new ArrayList<>();

    private boolean boundInHelpers;
    /** The batch-normalization nodes, in order: the boundaries of the training segments. */
    private final int[] normalizations;
    /**
     * folded[n]: for a node folded into the inference pass of the conv1d or dense before it (a
     * batch normalization, and the activation layer after it), that layer's node; else -1.
     */
    private final int[] foldedInto;
    /** The last node of the folded group a conv1d or dense starts (itself when it folds nothing). */
    private final int[] foldEnd;

    /** {@code layerOrigins}: one spec-line description per node, or empty. */
    ModelClassWriter(ModelSpec spec, String className, String specSource, List<String> layerOrigins, Backend backend) {
        this.spec = spec;
        this.backend = backend;
        this.specSource = specSource;
        this.layerOrigins = layerOrigins;
        this.className = className;
        this.inputCount = spec.inputs().size();
        List<String> prefixes = JavaNames.layerPrefixes(
                spec.nodes().stream().map(NodeSpec::name).toList());
        for (int n = 0; n < spec.nodes().size(); n++) {
            writers.add(
                    writerFor(spec.nodes().get(n).layer(), prefixes.get(n), spec.inputShapes(n), spec.outputShape(n)));
        }
        this.outputTensor = spec.tensor(spec.output());
        this.outputRoot = root(outputTensor);
        for (int t = 0; t < spec.tensorCount(); t++) {
            readers.add(spec.readers(t));
        }
        int nodes = spec.nodes().size();
        this.normalizations = AbstractModel.batchNormalizationNodes(spec);
        this.foldedInto = new int[nodes];
        this.foldEnd = new int[nodes];
        Arrays.fill(foldedInto, -1);
        for (int n = 0; n < nodes; n++) {
            foldEnd[n] = n;
        }
        for (int n : normalizations) {
            foldNormalization(n);
        }
    }

    /**
     * Folds the batch normalization of node {@code n} into the inference pass of the conv1d or dense
     * that produces its input, when that layer is linear and nothing else reads its output; an
     * activation layer (not softmax) that alone reads the normalization's output is folded too.
     */
    private void foldNormalization(int n) {
        int input = spec.nodeInputs(n)[0];
        if (input < inputCount
                || !(writers.get(input - inputCount) instanceof KernelLayerWriter kernel)
                || onlyReader(input) != n) {
            return;
        }
        LayerSpec producer = spec.nodes().get(input - inputCount).layer();
        Activation producerActivation =
                producer instanceof LayerSpec.Conv1D c ? c.activation() : ((LayerSpec.Dense) producer).activation();
        if (producerActivation != Activation.LINEAR) {
            return;
        }
        int m = input - inputCount;
        int end = n;
        Activation activation = Activation.LINEAR;
        int reader = onlyReader(spec.tensorOfNode(n));
        if (reader >= 0
                && spec.nodes().get(reader).layer() instanceof LayerSpec.ActivationLayer a
                && a.activation() != Activation.SOFTMAX) {
            activation = a.activation();
            end = reader;
            foldedInto[reader] = m;
        }
        BatchNormalizationWriter normalization = (BatchNormalizationWriter) writers.get(n);
        kernel.fold(new KernelLayerWriter.Fold(normalization.prefix, normalization.spec(), activation));
        normalization.foldedInto(spec.nodes().get(m).name());
        foldedInto[n] = m;
        foldEnd[m] = end;
    }

    /** The one node reading tensor {@code t} (anywhere in the graph) when it is not the output, else -1. */
    private int onlyReader(int t) {
        List<int[]> consumers = spec.consumers(t);
        if (consumers.size() != 1 || t == outputTensor) {
            return -1;
        }
        return consumers.get(0)[0];
    }

    private LayerWriter writerFor(LayerSpec layer, String prefix, List<Shape> ins, Shape out) {
        if (layer instanceof LayerSpec.SequenceLayer sequence && sequence.dataFormat() == DataFormat.CHANNELS_FIRST) {
            DataFormat format = sequence.dataFormat();
            LayerWriter twin = writerFor(
                    sequence.channelsLast(),
                    ChannelsFirstWriter.twinPrefix(prefix),
                    List.of(format.toChannelsLast(ins.get(0))),
                    format.toChannelsLast(out));
            return new ChannelsFirstWriter(sequence, prefix, ins.get(0), out, (ComputingLayerWriter) twin);
        }
        if (backend == Backend.VECTOR) {
            LayerWriter vector = VectorLayerWriters.forLayer(layer, prefix, ins.get(0), out);
            if (vector != null) {
                return vector;
            }
        }
        return layer.accept(new ScalarWriters(prefix, ins, out));
    }

    /** The scalar writer of each layer kind. */
    private record ScalarWriters(String prefix, List<Shape> ins, Shape out) implements LayerSpec.Visitor<LayerWriter> {
        private Shape in() {
            return ins.get(0);
        }

        @Override
        public LayerWriter conv1d(LayerSpec.Conv1D layer) {
            return new Conv1DWriter(layer, prefix, in(), out);
        }

        @Override
        public LayerWriter dense(LayerSpec.Dense layer) {
            return new DenseWriter(layer, prefix, in(), out);
        }

        @Override
        public LayerWriter pooling1d(LayerSpec.Pooling1D layer) {
            return new Pooling1DWriter(layer, prefix, in(), out);
        }

        @Override
        public LayerWriter globalPooling1d(LayerSpec.GlobalPooling1D layer) {
            return new GlobalPooling1DWriter(layer, prefix, in(), out);
        }

        @Override
        public LayerWriter flatten(LayerSpec.Flatten layer) {
            return new ReshapeWriter(layer, prefix, in(), out);
        }

        @Override
        public LayerWriter dropout(LayerSpec.Dropout layer) {
            return new DropoutWriter(layer, prefix, in(), out);
        }

        @Override
        public LayerWriter activation(LayerSpec.ActivationLayer layer) {
            return new ActivationLayerWriter(layer, prefix, in(), out);
        }

        @Override
        public LayerWriter embedding(LayerSpec.Embedding layer) {
            return new EmbeddingWriter(layer, prefix, in(), out);
        }

        @Override
        public LayerWriter repeatVector(LayerSpec.RepeatVector layer) {
            return new RepeatVectorWriter(layer, prefix, in(), out);
        }

        @Override
        public LayerWriter reshape(LayerSpec.Reshape layer) {
            return new ReshapeWriter(layer, prefix, in(), out);
        }

        @Override
        public LayerWriter merge(LayerSpec.Merge layer) {
            return new MergeWriter(layer, prefix, ins, out);
        }

        @Override
        public LayerWriter concatenate(LayerSpec.Concatenate layer) {
            return new ConcatenateWriter(layer, prefix, ins, out);
        }

        @Override
        public LayerWriter batchNormalization(LayerSpec.BatchNormalization layer) {
            return new BatchNormalizationWriter(layer, prefix, in(), out);
        }

        @Override
        public LayerWriter layerNormalization(LayerSpec.LayerNormalization layer) {
            return new LayerNormalizationWriter(layer, prefix, in(), out);
        }

        @Override
        public LayerWriter zeroPadding1d(LayerSpec.ZeroPadding1D layer) {
            return new StepsWriter(layer, prefix, in(), out);
        }

        @Override
        public LayerWriter cropping1d(LayerSpec.Cropping1D layer) {
            return new StepsWriter(layer, prefix, in(), out);
        }

        @Override
        public LayerWriter upSampling1d(LayerSpec.UpSampling1D layer) {
            return new UpSampling1DWriter(layer, prefix, in(), out);
        }

        @Override
        public LayerWriter permute(LayerSpec.Permute layer) {
            return new PermuteWriter(layer, prefix, in(), out);
        }

        @Override
        public LayerWriter spatialDropout1d(LayerSpec.SpatialDropout1D layer) {
            return new SpatialDropout1DWriter(layer, prefix, in(), out);
        }
    }

    /** The node writing tensor {@code t}, or null for a model input. */
    private LayerWriter producer(int t) {
        return t < inputCount ? null : writers.get(t - inputCount);
    }

    /** The tensor whose array tensor {@code t} is: itself, or what a flatten/reshape aliases. */
    private int root(int t) {
        LayerWriter w = producer(t);
        return w != null && w.aliasesInput() ? root(spec.nodeInputs(t - inputCount)[0]) : t;
    }

    /**
     * The array holding tensor {@code t}: {@code x[i]} for input i, else its root node's output
     * buffer, or {@code out} inside {@code runLayers} for the root of the output.
     */
    private String array(int t, boolean inRunLayers) {
        int r = root(t);
        if (r < inputCount) {
            return "x[" + r + "]";
        }
        return inRunLayers && r == outputRoot ? "out" : producer(r).outputBuffer();
    }

    TypeSpec write() {
        TypeSpec.Builder type = TypeSpec.classBuilder(className)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .superclass(ABSTRACT_MODEL)
                .addAnnotation(AnnotationSpec.builder(GENERATED)
                        .addMember("value", "$S", ModelGenerator.class.getName())
                        .build())
                .addJavadoc(classJavadoc());
        type.addField(
                FieldSpec.builder(SpecLiteral.MODEL_SPEC, "SPEC", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .initializer(
                                spec.nodes().size() <= MethodChunks.NODES_PER_METHOD
                                        ? SpecLiteral.of(spec)
                                        : CodeBlock.of("buildSpec()"))
                        .build());
        if (spec.nodes().size() > MethodChunks.NODES_PER_METHOD) {
            type.addMethod(specMethod());
        }
        if (writers.stream().anyMatch(LayerWriter::usesVectorSpecies)) {
            VectorLayerWriters.addSpeciesConstants(type);
        }
        for (LayerWriter w : writers) {
            for (LayerWriter.ParameterDecl p : w.parameters()) {
                // a large model binds its parameter fields in helpers, so they cannot be final there
                type.addField(
                        LayerWriter.PARAMETER,
                        p.field(),
                        large()
                                ? new Modifier[] {Modifier.PRIVATE}
                                : new Modifier[] {Modifier.PRIVATE, Modifier.FINAL});
            }
        }
        for (LayerWriter w : writers) {
            type.addFields(
                    large()
                            ? w.fields().stream()
                                    .map(ModelClassWriter::withoutInitializer)
                                    .toList()
                            : w.fields());
            if (w instanceof KernelLayerWriter k) {
                type.addFields(k.foldFields());
            }
            if (!w.aliasesInput()) {
                type.addField(LayerWriter.batchBuffer(LayerWriter.FLOATS, w.outputBuffer()));
            }
            if (w.hasInputGradient()) {
                for (int slot = 0; slot < w.arity(); slot++) {
                    type.addField(LayerWriter.batchBuffer(LayerWriter.FLOATS, w.inputGradientBuffer(slot)));
                }
            }
        }
        for (int t = 0; t < spec.tensorCount(); t++) {
            if (summed(t)) {
                type.addField(LayerWriter.batchBuffer(LayerWriter.FLOATS, sumBuffer(t)));
            }
        }
        type.addField(FieldSpec.builder(TypeName.INT, "capacity", Modifier.PRIVATE)
                .addJavadoc("Examples the per-batch buffers hold; they grow only for a larger batch.\n")
                .build());
        if (normalizations.length > 0) {
            type.addField(FieldSpec.builder(STATISTICS_LIST, "statistics", Modifier.PRIVATE, Modifier.FINAL)
                    .addJavadoc("The batch normalizations' statistics, in node order.\n")
                    .build());
        }
        type.addMethod(constructor());
        type.addMethod(replicaConstructor());
        type.addMethod(replica());
        type.addMethod(forwardInference());
        type.addMethod(forwardTraining());
        type.addMethod(backward());
        if (normalizations.length > 0) {
            type.addMethod(batchStatistics());
            type.addMethod(forwardTrainingSegment());
            type.addMethod(backwardSegment());
            for (int k = 0; k <= normalizations.length; k++) {
                type.addMethod(trainingSegment(k));
                type.addMethod(backwardSegment(k));
            }
        }
        type.addMethod(inputGradientBuffer());
        if (outputRoot >= inputCount) {
            type.addMethod(runLayers());
        }
        type.addMethod(ensureCapacity());
        if (createdParameters().size() > MethodChunks.NODES_PER_METHOD) {
            type.addMethod(createParameters());
        }
        type.addMethods(chunks);
        if (writers.stream().anyMatch(w -> w instanceof EmbeddingWriter)) {
            type.addMethod(tokenId());
        }
        for (int i = 0; i < writers.size(); i++) {
            LayerWriter w = writers.get(i);
            List<MethodSpec> methods = new ArrayList<>(w.helperMethods());
            if (w instanceof KernelLayerWriter k) {
                methods.addAll(k.foldMethods());
            }
            methods.addAll(w.passes());
            for (MethodSpec method : methods) {
                type.addMethod(layerOrigins.isEmpty() ? method : withOrigin(method, layerOrigins.get(i)));
            }
        }
        return type.build();
    }

    /** Adds the spec line the layer comes from to a layer method's Javadoc. */
    private static MethodSpec withOrigin(MethodSpec method, String origin) {
        return method.toBuilder()
                .addJavadoc("\n<p>From $L\n", JavaNames.commentText(origin))
                .build();
    }

    private CodeBlock classJavadoc() {
        CodeBlock.Builder doc = CodeBlock.builder();
        boolean graph = !spec.isChain();
        if (inputCount == 1) {
            InputSpec input = spec.inputs().get(0);
            doc.add(
                    "Model {@code $L}, generated by the Lamina compiler: input $L of $L.\n\n",
                    JavaNames.commentText(spec.name()),
                    input.shape(),
                    kindText(input));
        } else {
            doc.add(
                    "Model {@code $L}, generated by the Lamina compiler, with $L inputs (one array each, in this"
                            + " order):\n\n<ul>\n",
                    JavaNames.commentText(spec.name()),
                    inputCount);
            for (InputSpec input : spec.inputs()) {
                doc.add(
                        "<li>{@code $L}: $L of $L\n",
                        JavaNames.commentText(input.name()),
                        input.shape(),
                        kindText(input));
            }
            doc.add("</ul>\n\n");
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(
                graph
                        ? new String[] {"Layer (type)", "Output shape", "Params", "Connected to"}
                        : new String[] {"Layer (type)", "Output shape", "Params"});
        for (int n = 0; n < writers.size(); n++) {
            NodeSpec node = spec.nodes().get(n);
            String[] row = {
                JavaNames.commentText(node.name() + " (" + node.layer().typeName() + ")"),
                spec.outputShape(n).toString(),
                Long.toString(spec.parameterCount(n)),
                JavaNames.commentText(String.join(", ", node.inputs()))
            };
            rows.add(graph ? row : java.util.Arrays.copyOf(row, 3));
        }
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        doc.add("<pre>\n");
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                line.append(c == columns - 1 ? row[c] : pad(row[c], widths[c]) + "  ");
            }
            doc.add("$L\n", line.toString().stripTrailing());
        }
        doc.add("Total params: $L\n", spec.parameterCount());
        doc.add("</pre>\n\n");
        if (specSource != null && !specSource.isBlank()) {
            doc.add("<p>From the spec:\n\n<pre>\n");
            for (String line : specSource.strip().split("\\R")) {
                doc.add("$L\n", JavaNames.commentText(line.replace("\t", "    ")));
            }
            doc.add("</pre>\n\n");
        }
        doc.add("<p>Every shape, stride and padding is a constant; each layer has its own forward and backward\n");
        doc.add(
                "method. Weights live in {@link $T#value()} (Keras layout, the source of truth written by\n",
                LayerWriter.PARAMETER);
        doc.add("optimizers and callers); larger layers copy them into row arrays at the start of each pass.\n\n");
        if (backend == Backend.VECTOR) {
            doc.add(
                    "<p>Vector backend: needs Java $L or later, compiled and run with {@code --add-modules $L}.\n\n",
                    Backend.VECTOR_MINIMUM_JAVA,
                    Backend.VECTOR_MODULE);
        }
        doc.add("<p>Not thread-safe: an instance keeps working buffers sized for the largest batch seen and\n");
        doc.add("reuses them, so steady-state calls allocate nothing. Use one instance per thread; to split\n");
        doc.add("a large batch across threads, use {@code setThreads}, which runs shards on replicas.\n");
        return doc.build();
    }

    private static String kindText(InputSpec input) {
        return input.integerIds() ? "token ids (whole-number floats)" : "floats";
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }

    /** {@code new Parameter(...)} for every parameter, in node order (kernel before bias). */
    private List<CodeBlock> createdParameters() {
        List<CodeBlock> created = new ArrayList<>();
        for (int i = 0; i < writers.size(); i++) {
            for (LayerWriter.ParameterDecl p : writers.get(i).parameters()) {
                created.add(CodeBlock.of(
                        "new $T($S, $S, $L, $T.$L$L)",
                        LayerWriter.PARAMETER,
                        spec.nodes().get(i).name(),
                        p.name(),
                        SpecLiteral.shape(p.shape()),
                        INITIALIZER,
                        p.initializer().name(),
                        p.trainable() ? "" : ", false"));
            }
        }
        return created;
    }

    /** For a large model: the parameter list built by chunks, called from the constructor. */
    private MethodSpec createParameters() {
        ParameterizedTypeName list = ParameterizedTypeName.get(SpecLiteral.LIST, LayerWriter.PARAMETER);
        MethodSpec.Builder m = MethodSpec.methodBuilder("createParameters")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addJavadoc("Every parameter, in node order (kernel before bias).\n")
                .returns(list)
                .addStatement("$T parameters = new $T<>()", list, ClassName.get(ArrayList.class));
        List<CodeBlock> groups = createdParameters().stream()
                .map(p -> CodeBlock.of("parameters.add($L);\n", p))
                .toList();
        List<MethodSpec> helpers = MethodChunks.add(
                m,
                "createParameters",
                List.of(ParameterSpec.builder(list, "parameters").build()),
                groups);
        for (MethodSpec helper : helpers) {
            chunks.add(helper.toBuilder().addModifiers(Modifier.STATIC).build());
        }
        return m.addStatement("return parameters").build();
    }

    /** For a large model: {@code SPEC} built by chunks of nodes. */
    private MethodSpec specMethod() {
        ParameterizedTypeName list = ParameterizedTypeName.get(SpecLiteral.LIST, SpecLiteral.NODE_SPEC);
        MethodSpec.Builder m = MethodSpec.methodBuilder("buildSpec")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addJavadoc("The model's spec, built node by node.\n")
                .returns(SpecLiteral.MODEL_SPEC)
                .addStatement("$T nodes = new $T<>()", list, ClassName.get(ArrayList.class));
        List<CodeBlock> groups = spec.nodes().stream()
                .map(node -> CodeBlock.of("nodes.add($L);\n", SpecLiteral.node(node)))
                .toList();
        List<MethodSpec> helpers = MethodChunks.add(
                m, "nodes", List.of(ParameterSpec.builder(list, "nodes").build()), groups);
        for (MethodSpec helper : helpers) {
            chunks.add(helper.toBuilder().addModifiers(Modifier.STATIC).build());
        }
        return m.addStatement(
                        "return new $T($S, $L, nodes, $S, $L)",
                        SpecLiteral.MODEL_SPEC,
                        spec.name(),
                        SpecLiteral.inputs(spec),
                        spec.output(),
                        SpecLiteral.training(spec.training()))
                .build();
    }

    private MethodSpec constructor() {
        CodeBlock.Builder parameters = CodeBlock.builder();
        List<CodeBlock> created = createdParameters();
        if (created.isEmpty()) {
            parameters.add("$T.of()", SpecLiteral.LIST);
        } else if (created.size() > MethodChunks.NODES_PER_METHOD) {
            parameters.add("createParameters()");
        } else {
            parameters.add("$T.of(\n", SpecLiteral.LIST).indent().indent();
            parameters.add(CodeBlock.join(created, ",\n"));
            parameters.add(")").unindent().unindent();
        }
        MethodSpec.Builder m = MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc(
                        "A model whose parameters are initialized from {@code seed} (Keras's default initializers).\n")
                .addParameter(TypeName.LONG, "seed")
                .addStatement("super(SPEC, $L)", parameters.build());
        assignParameterFields(m);
        return m.addStatement("$T.initializeAll(parameters(), seed)", INITIALIZER)
                .build();
    }

    private MethodSpec replicaConstructor() {
        MethodSpec.Builder m = MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PRIVATE)
                .addJavadoc("A replica of {@code master} for one shard of a batch: shared values, its own gradients.\n")
                .addParameter(ClassName.bestGuess(className), "master")
                .addStatement("super(master)");
        assignParameterFields(m);
        return m.build();
    }

    /** Whether the model has more nodes than one method holds ({@link MethodChunks}). */
    private boolean large() {
        return writers.size() > MethodChunks.NODES_PER_METHOD;
    }

    /**
     * An instance field whose initializer moves into {@code bindParameters} (a large model: field
     * initializers are copied into every constructor, which would outgrow the JVM's 64 KB).
     */
    private static FieldSpec withoutInitializer(FieldSpec field) {
        if (field.initializer().isEmpty() || field.modifiers().contains(Modifier.STATIC)) {
            return field;
        }
        FieldSpec.Builder plain = FieldSpec.builder(field.type(), field.name()).addJavadoc(field.javadoc());
        field.modifiers().stream().filter(m -> m != Modifier.FINAL).forEach(plain::addModifiers);
        return plain.build();
    }

    /**
     * Binds every parameter field to its {@code Parameter} (a large model does it in helpers, once),
     * then sets the fields built on parameters (normalization statistics).
     */
    private void assignParameterFields(MethodSpec.Builder m) {
        bindParameterFields(m);
        CodeBlock.Builder code = CodeBlock.builder();
        for (LayerWriter w : writers) {
            w.initialize(code);
        }
        m.addCode(code.build());
        if (normalizations.length > 0) {
            List<String> all = new ArrayList<>();
            for (int n : normalizations) {
                all.add(((BatchNormalizationWriter) writers.get(n)).statistics());
            }
            m.addStatement("statistics = $T.of($L)", SpecLiteral.LIST, String.join(", ", all));
        }
    }

    private void bindParameterFields(MethodSpec.Builder m) {
        List<CodeBlock> groups = new ArrayList<>();
        int index = 0;
        for (LayerWriter w : writers) {
            CodeBlock.Builder group = CodeBlock.builder();
            for (LayerWriter.ParameterDecl p : w.parameters()) {
                group.addStatement("$L = parameters().get($L)", p.field(), index++);
            }
            if (large()) {
                for (FieldSpec field : w.fields()) {
                    if (!field.initializer().isEmpty() && !field.modifiers().contains(Modifier.STATIC)) {
                        group.addStatement("$L = $L", field.name(), field.initializer());
                    }
                }
            }
            groups.add(group.build());
        }
        if (!large()) {
            groups.forEach(m::addCode);
            return;
        }
        if (!boundInHelpers) {
            MethodSpec.Builder bind = MethodSpec.methodBuilder("bindParameters").addModifiers(Modifier.PRIVATE);
            chunks.addAll(MethodChunks.add(bind, "bindParameters", List.of(), groups));
            chunks.add(bind.addJavadoc("Binds every parameter field to its {@code Parameter}.\n")
                    .build());
            boundInHelpers = true;
        }
        m.addStatement("bindParameters()");
    }

    private MethodSpec replica() {
        return MethodSpec.methodBuilder("replica")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PROTECTED)
                .returns(ABSTRACT_MODEL)
                .addStatement("return new $L(this)", className)
                .build();
    }

    private boolean usesTrainingFlag() {
        return writers.stream().anyMatch(LayerWriter::usesTrainingFlag);
    }

    private MethodSpec forwardInference() {
        int outSize = spec.outputShape().size();
        MethodSpec.Builder m = MethodSpec.methodBuilder("forwardInference")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PROTECTED)
                .addParameter(LayerWriter.FLOAT_ROWS, "x")
                .addParameter(TypeName.INT, "batch")
                .addParameter(LayerWriter.FLOATS, "y");
        if (outputRoot < inputCount) {
            return m.addStatement(
                            "System.arraycopy(x[$L], 0, y, 0, $L)", outputRoot, Expressions.times("batch", outSize))
                    .build();
        }
        return m.addStatement("ensureCapacity(batch)")
                .addStatement("runLayers(x, batch$L, y)", usesTrainingFlag() ? ", false" : "")
                .build();
    }

    private MethodSpec forwardTraining() {
        MethodSpec.Builder m = MethodSpec.methodBuilder("forwardTraining")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PROTECTED)
                .returns(LayerWriter.FLOATS)
                .addParameter(LayerWriter.FLOAT_ROWS, "x")
                .addParameter(TypeName.INT, "batch");
        if (normalizations.length > 0) {
            return m.addStatement("return forwardTrainingBySegments(x, batch)").build();
        }
        m.addStatement("ensureCapacity(batch)");
        if (outputRoot < inputCount) {
            return m.addStatement("return x[$L]", outputRoot).build();
        }
        String output = producer(outputRoot).outputBuffer();
        return m.addStatement("runLayers(x, batch$L, $L)", usesTrainingFlag() ? ", dropoutInTraining()" : "", output)
                .addStatement("return $L", output)
                .build();
    }

    private MethodSpec runLayers() {
        MethodSpec.Builder m = MethodSpec.methodBuilder("runLayers")
                .addModifiers(Modifier.PRIVATE)
                .addJavadoc("Runs every forward pass in the graph's order; the output is written into {@code out}.\n")
                .addParameter(LayerWriter.FLOAT_ROWS, "x")
                .addParameter(TypeName.INT, "batch");
        if (usesTrainingFlag()) {
            m.addParameter(TypeName.BOOLEAN, "training");
        }
        m.addParameter(LayerWriter.FLOATS, "out");
        if (inputCount > 1) {
            for (int i = 0; i < inputCount; i++) {
                InputSpec input = spec.inputs().get(i);
                m.addComment("x[$L]: input $L $L", i, JavaNames.commentText(input.name()), input.shape());
            }
        }
        List<CodeBlock> groups = new ArrayList<>();
        for (int n = 0; n < writers.size(); n++) {
            if (foldedInto[n] >= 0) {
                groups.add(CodeBlock.of(
                        "// $L: folded into $L\n",
                        JavaNames.commentText(spec.nodes().get(n).name()),
                        JavaNames.commentText(spec.nodes().get(foldedInto[n]).name())));
                continue;
            }
            groups.add(forwardCall(n, true, "training"));
        }
        chunks.addAll(MethodChunks.add(m, "runLayers", m.build().parameters(), groups));
        return m.build();
    }

    /**
     * The forward call of node {@code n} (a comment for a flatten or reshape): {@code
     * <prefix>Forward(inputs, output, batch)}, plus {@code training} for layers with a training
     * flag; in {@code runLayers} (inference), a conv1d or dense that folds the batch normalization
     * after it calls its folded pass and writes the output of the folded group.
     */
    private CodeBlock forwardCall(int n, boolean inRunLayers, String training) {
        LayerWriter layer = writers.get(n);
        if (!(layer instanceof ComputingLayerWriter w)) {
            return CodeBlock.of(
                    "// $L: $L\n",
                    JavaNames.commentText(spec.nodes().get(n).name()),
                    JavaNames.commentText(layer.describe()));
        }
        boolean folded = inRunLayers && layer instanceof KernelLayerWriter k && k.folds();
        List<String> args = new ArrayList<>();
        for (int t : spec.nodeInputs(n)) {
            args.add(array(t, inRunLayers));
        }
        args.add(array(spec.tensorOfNode(folded ? foldEnd[n] : n), inRunLayers));
        return CodeBlock.builder()
                .addStatement(
                        "$L($L, batch$L)",
                        folded ? ((KernelLayerWriter) w).foldedForwardName() : w.forwardName(),
                        String.join(", ", args),
                        w.usesTrainingFlag() ? ", " + training : "")
                .build();
    }

    /** Whether tensor {@code t} has a gradient at all (not a token-id input, not off the output's path). */
    private boolean hasGradient(int t) {
        if (t < inputCount) {
            return !spec.inputs().get(t).integerIds();
        }
        return spec.reachesOutput(t - inputCount);
    }

    /** Whether tensor {@code t} is the output of a node that nothing else reads: its gradient is the output gradient. */
    private boolean isPlainOutput(int t) {
        return t == outputTensor && t >= inputCount && readers.get(t).isEmpty();
    }

    /** Whether its one reader writes d(loss)/d(tensor t) directly. */
    private boolean isDirect(int t) {
        return readers.get(t).size() == 1 && t != outputTensor;
    }

    /** Whether d(loss)/d(tensor t) is summed into a buffer of its own over its readers (and the output gradient). */
    private boolean summed(int t) {
        return hasGradient(t) && !isPlainOutput(t) && !isDirect(t);
    }

    private String sumBuffer(int t) {
        return t < inputCount ? "input" + t + "Grad" : producer(t).prefix + "OutGrad";
    }

    /** The array holding d(loss)/d(tensor t) once its readers have run. */
    private String gradient(int t) {
        if (isPlainOutput(t)) {
            return "outputGradient";
        }
        if (summed(t)) {
            return sumBuffer(t);
        }
        int[] reader = readers.get(t).get(0);
        return writers.get(reader[0]).inputGradientBuffer(reader[1]);
    }

    private MethodSpec backward() {
        MethodSpec.Builder m = MethodSpec.methodBuilder("backward")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PROTECTED)
                .addParameter(LayerWriter.FLOAT_ROWS, "x")
                .addParameter(LayerWriter.FLOATS, "outputGradient")
                .addParameter(TypeName.INT, "batch");
        if (normalizations.length > 0) {
            return m.addStatement("backwardBySegments(x, outputGradient, batch)")
                    .build();
        }
        chunks.addAll(MethodChunks.add(
                m, "backward", m.build().parameters(), backwardCalls(spec.tensorCount() - 1, 0, -1, -1)));
        return m.build();
    }

    /**
     * The backward calls of tensors {@code last} down to {@code first}, one group per tensor: its
     * gradient sum, then its node's backward pass. Node {@code top} (a batch normalization at the
     * top of a segment) gets its backward pass (the input gradient) but its gradient was summed in
     * the segment above; node {@code bottom} (one at the bottom) only accumulates its gradient sums.
     */
    private List<CodeBlock> backwardCalls(int last, int first, int top, int bottom) {
        List<CodeBlock> groups = new ArrayList<>();
        for (int t = last; t >= first; t--) {
            CodeBlock.Builder group = CodeBlock.builder();
            int n = t - inputCount;
            if (summed(t) && (top < 0 || n != top)) {
                addGradientSum(group, t);
            }
            if (n < 0 || !spec.reachesOutput(n)) {
                if (!group.isEmpty()) {
                    groups.add(group.build());
                }
                continue;
            }
            LayerWriter w = writers.get(n);
            if (bottom >= 0 && n == bottom) {
                group.addStatement("$L($L, batch)", w.prefix + "AccumulateGradients", gradient(t));
                groups.add(group.build());
                continue;
            }
            List<String> args = new ArrayList<>();
            for (int input : spec.nodeInputs(n)) {
                args.add(array(input, false));
            }
            args.add(array(t, false));
            args.add(gradient(t));
            if (w.hasInputGradient()) {
                for (int slot = 0; slot < w.arity(); slot++) {
                    args.add(w.inputGradientBuffer(slot));
                }
            }
            group.addStatement("$L($L, batch)", w.backwardName(), String.join(", ", args));
            groups.add(group.build());
        }
        return groups;
    }

    private MethodSpec batchStatistics() {
        return MethodSpec.methodBuilder("batchStatistics")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PROTECTED)
                .returns(STATISTICS_LIST)
                .addStatement("return statistics")
                .build();
    }

    /** {@code return switch (segment) { case 0 -> trainingSegment0(x, batch); ... }}. */
    private MethodSpec forwardTrainingSegment() {
        CodeBlock.Builder code =
                CodeBlock.builder().add("return switch (segment) {\n").indent();
        for (int k = 0; k <= normalizations.length; k++) {
            code.add("case $L -> trainingSegment$L(x, batch);\n", k, k);
        }
        code.add("default -> throw new $T(\"no segment \" + segment);\n", IndexOutOfBoundsException.class);
        code.unindent().add("};\n");
        return MethodSpec.methodBuilder("forwardTrainingSegment")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PROTECTED)
                .returns(LayerWriter.FLOATS)
                .addParameter(LayerWriter.FLOAT_ROWS, "x")
                .addParameter(TypeName.INT, "batch")
                .addParameter(TypeName.INT, "segment")
                .addCode(code.build())
                .build();
    }

    private MethodSpec backwardSegment() {
        CodeBlock.Builder code = CodeBlock.builder().beginControlFlow("switch (segment)");
        for (int k = 0; k <= normalizations.length; k++) {
            code.add("case $L -> backwardSegment$L(x, outputGradient, batch);\n", k, k);
        }
        code.add("default -> throw new $T(\"no segment \" + segment);\n", IndexOutOfBoundsException.class);
        code.endControlFlow();
        return MethodSpec.methodBuilder("backwardSegment")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PROTECTED)
                .addParameter(LayerWriter.FLOAT_ROWS, "x")
                .addParameter(LayerWriter.FLOATS, "outputGradient")
                .addParameter(TypeName.INT, "batch")
                .addParameter(TypeName.INT, "segment")
                .addCode(code.build())
                .build();
    }

    /**
     * Forward segment {@code k} of training: the previous batch normalization normalizes, the nodes
     * up to the next run (dropout as configured), and the next accumulates its input's sums.
     */
    private MethodSpec trainingSegment(int k) {
        MethodSpec.Builder m = MethodSpec.methodBuilder("trainingSegment" + k)
                .addModifiers(Modifier.PRIVATE)
                .addJavadoc(
                        "Training forward segment $L of $L (see {@code forwardTrainingSegment}).\n",
                        k,
                        normalizations.length + 1)
                .returns(LayerWriter.FLOATS)
                .addParameter(LayerWriter.FLOAT_ROWS, "x")
                .addParameter(TypeName.INT, "batch");
        int from = 0;
        if (k == 0) {
            m.addStatement("ensureCapacity(batch)");
        } else {
            int previous = normalizations[k - 1];
            m.addStatement(
                    "$L($L, $L, batch)",
                    writers.get(previous).prefix + "Normalize",
                    array(spec.nodeInputs(previous)[0], false),
                    array(spec.tensorOfNode(previous), false));
            from = previous + 1;
        }
        int to = k < normalizations.length ? normalizations[k] : writers.size();
        List<CodeBlock> groups = new ArrayList<>();
        for (int n = from; n < to; n++) {
            groups.add(forwardCall(n, false, "dropoutInTraining()"));
        }
        chunks.addAll(
                MethodChunks.add(m, "trainingSegment" + k + "Part", m.build().parameters(), groups));
        if (k < normalizations.length) {
            m.addStatement(
                    "$L($L, batch)", writers.get(to).prefix + "Accumulate", array(spec.nodeInputs(to)[0], false));
            return m.addStatement("return null").build();
        }
        return m.addStatement("return $L", array(outputTensor, false)).build();
    }

    /** Backward segment {@code k}: the reverse of forward segment {@code k}. */
    private MethodSpec backwardSegment(int k) {
        MethodSpec.Builder m = MethodSpec.methodBuilder("backwardSegment" + k)
                .addModifiers(Modifier.PRIVATE)
                .addJavadoc("Backward segment $L of $L (see {@code backwardSegment}).\n", k, normalizations.length + 1)
                .addParameter(LayerWriter.FLOAT_ROWS, "x")
                .addParameter(LayerWriter.FLOATS, "outputGradient")
                .addParameter(TypeName.INT, "batch");
        int top = k < normalizations.length ? normalizations[k] : -1;
        int bottom = k > 0 ? normalizations[k - 1] : -1;
        int last = top >= 0 ? spec.tensorOfNode(top) : spec.tensorCount() - 1;
        int first = bottom >= 0 ? spec.tensorOfNode(bottom) : 0;
        chunks.addAll(MethodChunks.add(
                m, "backwardSegment" + k + "Part", m.build().parameters(), backwardCalls(last, first, top, bottom)));
        return m.build();
    }

    /**
     * Emits the sum of tensor {@code t}'s gradient over its readers (and the output gradient when
     * it is the output), in reader order:
     *
     * <pre>{@code
     * for (int i = 0, n = batch * 64; i < n; i++) {
     *     conv1dOutGrad[i] = denseInGrad[i] + addInGrad0[i];
     * }
     * }</pre>
     */
    private void addGradientSum(CodeBlock.Builder m, int t) {
        List<String> parts = new ArrayList<>();
        if (t == outputTensor) {
            parts.add("outputGradient[i]");
        }
        for (int[] reader : readers.get(t)) {
            parts.add(writers.get(reader[0]).inputGradientBuffer(reader[1]) + "[i]");
        }
        String name = t < inputCount
                ? "input " + spec.inputs().get(t).name()
                : spec.nodes().get(t - inputCount).name();
        m.add(
                "// d(loss)/d($L): the sum over $L\n",
                JavaNames.commentText(name),
                parts.isEmpty() ? "no reader (0)" : String.join(", ", parts).replace("[i]", ""));
        m.beginControlFlow(
                "for (int i = 0, n = $L; i < n; i++)",
                Expressions.times("batch", spec.tensorShape(t).size()));
        m.addStatement("$L[i] = $L", sumBuffer(t), parts.isEmpty() ? "0f" : String.join(" + ", parts));
        m.endControlFlow();
    }

    private MethodSpec inputGradientBuffer() {
        MethodSpec.Builder m = MethodSpec.methodBuilder("inputGradientBuffer")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PROTECTED)
                .returns(LayerWriter.FLOATS)
                .addParameter(TypeName.INT, "input");
        List<String> arrays = new ArrayList<>();
        for (int i = 0; i < inputCount; i++) {
            arrays.add(hasGradient(i) ? gradient(i) : "null");
        }
        if (inputCount == 1) {
            if (arrays.get(0).equals("null")) {
                m.addJavadoc("Null: integer token ids have no gradient.\n");
            }
            return m.addStatement("return $L", arrays.get(0)).build();
        }
        m.addJavadoc("Null for an input of integer token ids, which has no gradient.\n");
        CodeBlock.Builder code =
                CodeBlock.builder().add("return switch (input) {\n").indent();
        for (int i = 0; i < inputCount; i++) {
            code.add("case $L -> $L;\n", i, arrays.get(i));
        }
        code.add("default -> throw new $T(\"no input \" + input);\n", IndexOutOfBoundsException.class);
        code.unindent().add("};\n");
        return m.addCode(code.build()).build();
    }

    private MethodSpec ensureCapacity() {
        CodeBlock.Builder code = CodeBlock.builder();
        code.beginControlFlow("if (batch <= capacity)");
        code.addStatement("return");
        code.endControlFlow();
        List<CodeBlock> groups = new ArrayList<>();
        for (LayerWriter w : writers) {
            CodeBlock.Builder group = CodeBlock.builder();
            allocate(group, w);
            groups.add(group.build());
        }
        for (int t = 0; t < spec.tensorCount(); t++) {
            if (summed(t)) {
                groups.add(CodeBlock.builder()
                        .addStatement(
                                "$L = new float[$L]",
                                sumBuffer(t),
                                Expressions.times("batch", spec.tensorShape(t).size()))
                        .build());
            }
        }
        MethodSpec.Builder m = MethodSpec.methodBuilder("ensureCapacity")
                .addModifiers(Modifier.PRIVATE)
                .addJavadoc("Sizes the per-batch buffers for {@code batch} examples; a no-op unless the batch grew.\n")
                .addParameter(TypeName.INT, "batch")
                .addCode(code.build());
        chunks.addAll(MethodChunks.add(m, "allocate", m.build().parameters(), groups));
        return m.addStatement("capacity = batch").build();
    }

    /** Sizes one writer's per-batch buffers. */
    private static void allocate(CodeBlock.Builder code, LayerWriter w) {
        if (!w.aliasesInput()) {
            code.addStatement("$L = new float[$L]", w.outputBuffer(), Expressions.times("batch", w.outSize()));
        }
        if (w.hasInputGradient()) {
            for (int slot = 0; slot < w.arity(); slot++) {
                code.addStatement(
                        "$L = new float[$L]", w.inputGradientBuffer(slot), Expressions.times("batch", w.inSize(slot)));
            }
        }
        w.allocate(code);
    }

    private static MethodSpec tokenId() {
        return MethodSpec.methodBuilder("tokenId")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addJavadoc("The token id at {@code x[i]}; throws unless it is a whole number in {@code [0, count)}.\n")
                .returns(TypeName.INT)
                .addParameter(LayerWriter.FLOATS, "x")
                .addParameter(TypeName.INT, "i")
                .addParameter(TypeName.INT, "count")
                .addStatement("float value = x[i]")
                .addStatement("int id = (int) value")
                .beginControlFlow("if (id != value || id < 0 || id >= count)")
                .addStatement(
                        "throw new $T(\"input value \" + i + \" is \" + value + \", not a token id in [0, \" + count + \")\")",
                        IllegalArgumentException.class)
                .endControlFlow()
                .addStatement("return id")
                .build();
    }
}
