package dev.lamina.compiler.codegen;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.ModelSpec;
import dev.lamina.runtime.spec.Shape;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes the class of one model: the header ({@code @Generated}, the Javadoc summary table), the
 * spec and parameters, the per-batch buffers, the {@code AbstractModel} overrides that chain the
 * layer passes, and every layer's members from its {@link LayerWriter}.
 */
final class ModelClassWriter {
    static final ClassName ABSTRACT_MODEL = ClassName.get("dev.lamina.runtime", "AbstractModel");
    static final ClassName INITIALIZER = ClassName.get("dev.lamina.runtime", "Initializer");
    static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");

    private final ModelSpec spec;
    private final String className;
    private final List<Shape> shapes;
    private final List<LayerWriter> writers = new ArrayList<>();
    private final String specSource;
    private final List<String> layerOrigins;
    private final Backend backend;

    /** {@code layerOrigins}: one spec-line description per layer, or empty. */
    ModelClassWriter(
            ModelSpec spec,
            String className,
            List<Shape> shapes,
            String specSource,
            List<String> layerOrigins,
            Backend backend) {
        this.spec = spec;
        this.backend = backend;
        this.specSource = specSource;
        this.layerOrigins = layerOrigins;
        this.className = className;
        this.shapes = shapes;
        List<String> prefixes = JavaNames.layerPrefixes(
                spec.layers().stream().map(LayerSpec::name).toList());
        for (int i = 0; i < spec.layers().size(); i++) {
            writers.add(writerFor(spec.layers().get(i), prefixes.get(i), shapes.get(i), shapes.get(i + 1)));
        }
    }

    private LayerWriter writerFor(LayerSpec layer, String prefix, Shape in, Shape out) {
        if (backend == Backend.VECTOR) {
            LayerWriter vector = VectorLayerWriters.forLayer(layer, prefix, in, out);
            if (vector != null) {
                return vector;
            }
        }
        return scalarWriterFor(layer, prefix, in, out);
    }

    private static LayerWriter scalarWriterFor(LayerSpec layer, String prefix, Shape in, Shape out) {
        if (layer instanceof LayerSpec.Conv1D c) {
            return new Conv1DWriter(c, prefix, in, out);
        }
        if (layer instanceof LayerSpec.Dense d) {
            return new DenseWriter(d, prefix, in, out);
        }
        if (layer instanceof LayerSpec.Pooling1D p) {
            return new Pooling1DWriter(p, prefix, in, out);
        }
        if (layer instanceof LayerSpec.GlobalPooling1D g) {
            return new GlobalPooling1DWriter(g, prefix, in, out);
        }
        if (layer instanceof LayerSpec.Dropout d) {
            return new DropoutWriter(d, prefix, in, out);
        }
        if (layer instanceof LayerSpec.ActivationLayer a) {
            return new ActivationLayerWriter(a, prefix, in, out);
        }
        if (layer instanceof LayerSpec.Embedding e) {
            return new EmbeddingWriter(e, prefix, in, out);
        }
        if (layer instanceof LayerSpec.RepeatVector r) {
            return new RepeatVectorWriter(r, prefix, in, out);
        }
        return new ReshapeWriter(layer, prefix, in, out);
    }

    TypeSpec write() {
        TypeSpec.Builder type = TypeSpec.classBuilder(className)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .superclass(ABSTRACT_MODEL)
                .addAnnotation(AnnotationSpec.builder(GENERATED)
                        .addMember("value", "$S", ModelGenerator.class.getName())
                        .build())
                .addJavadoc(classJavadoc());
        addConstants(type);
        if (writers.stream().anyMatch(LayerWriter::usesVectorSpecies)) {
            VectorLayerWriters.addSpeciesConstants(type);
        }
        for (LayerWriter w : writers) {
            for (LayerWriter.ParameterDecl p : w.parameters()) {
                type.addField(LayerWriter.PARAMETER, p.field(), Modifier.PRIVATE, Modifier.FINAL);
            }
        }
        for (LayerWriter w : writers) {
            type.addFields(w.fields());
            if (!w.aliasesInput()) {
                type.addField(LayerWriter.batchBuffer(LayerWriter.FLOATS, w.outputBuffer()));
            }
            if (w.hasInputGradient()) {
                type.addField(LayerWriter.batchBuffer(LayerWriter.FLOATS, w.inputGradientBuffer()));
            }
        }
        type.addField(FieldSpec.builder(TypeName.INT, "capacity", Modifier.PRIVATE)
                .addJavadoc("Examples the per-batch buffers hold; they grow only for a larger batch.\n")
                .build());
        type.addMethod(constructor());
        type.addMethod(replicaConstructor());
        type.addMethod(shapeGetter("inputShape", "INPUT_SHAPE"));
        type.addMethod(shapeGetter("outputShape", "OUTPUT_SHAPE"));
        type.addMethod(replica());
        type.addMethod(forwardInference());
        type.addMethod(forwardTraining());
        type.addMethod(backward());
        type.addMethod(inputGradientBuffer());
        if (lastWritingLayer() >= 0) {
            type.addMethod(runLayers());
        }
        type.addMethod(ensureCapacity());
        if (writers.stream().anyMatch(w -> w instanceof EmbeddingWriter)) {
            type.addMethod(tokenId());
        }
        for (int i = 0; i < writers.size(); i++) {
            LayerWriter w = writers.get(i);
            List<MethodSpec> methods = new ArrayList<>(w.helperMethods());
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
        doc.add(
                "Model {@code $L}, generated by the Lamina compiler: input $L of $L.\n\n",
                JavaNames.commentText(spec.name()),
                spec.input().shape(),
                spec.input().integerIds() ? "token ids (whole-number floats)" : "floats");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Layer (type)", "Output shape", "Params"});
        for (int i = 0; i < writers.size(); i++) {
            LayerSpec layer = spec.layers().get(i);
            rows.add(new String[] {
                JavaNames.commentText(layer.name() + " (" + layer.typeName() + ")"),
                shapes.get(i + 1).toString(),
                Long.toString(layer.parameterCount(shapes.get(i)))
            });
        }
        int[] widths = new int[3];
        for (String[] row : rows) {
            for (int c = 0; c < 3; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        doc.add("<pre>\n");
        for (String[] row : rows) {
            doc.add("$L  $L  $L\n", pad(row[0], widths[0]), pad(row[1], widths[1]), row[2]);
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

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }

    private void addConstants(TypeSpec.Builder type) {
        type.addField(
                FieldSpec.builder(SpecLiteral.MODEL_SPEC, "SPEC", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .initializer(SpecLiteral.of(spec))
                        .build());
        type.addField(
                FieldSpec.builder(SpecLiteral.SHAPE, "INPUT_SHAPE", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .initializer(SpecLiteral.shape(shapes.get(0)))
                        .build());
        type.addField(
                FieldSpec.builder(SpecLiteral.SHAPE, "OUTPUT_SHAPE", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .initializer(SpecLiteral.shape(shapes.get(shapes.size() - 1)))
                        .build());
    }

    private MethodSpec constructor() {
        CodeBlock.Builder parameters = CodeBlock.builder();
        List<CodeBlock> created = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < writers.size(); i++) {
            for (LayerWriter.ParameterDecl p : writers.get(i).parameters()) {
                created.add(CodeBlock.of(
                        "new $T($S, $S, $L, $T.$L)",
                        LayerWriter.PARAMETER,
                        spec.layers().get(i).name(),
                        p.name(),
                        SpecLiteral.shape(p.shape()),
                        INITIALIZER,
                        p.initializer().name()));
                fields.add(p.field());
            }
        }
        if (created.isEmpty()) {
            parameters.add("$T.of()", SpecLiteral.LIST);
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

    private void assignParameterFields(MethodSpec.Builder m) {
        int index = 0;
        for (LayerWriter w : writers) {
            for (LayerWriter.ParameterDecl p : w.parameters()) {
                m.addStatement("$L = parameters().get($L)", p.field(), index++);
            }
        }
    }

    private MethodSpec replica() {
        return MethodSpec.methodBuilder("replica")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PROTECTED)
                .returns(ABSTRACT_MODEL)
                .addStatement("return new $L(this)", className)
                .build();
    }

    private static MethodSpec shapeGetter(String name, String constant) {
        return MethodSpec.methodBuilder(name)
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(SpecLiteral.SHAPE)
                .addStatement("return $L", constant)
                .build();
    }

    private boolean usesTrainingFlag() {
        return writers.stream().anyMatch(LayerWriter::usesTrainingFlag);
    }

    /** Index of the last layer that writes its own output, or -1 when every layer is a reshape. */
    private int lastWritingLayer() {
        for (int i = writers.size() - 1; i >= 0; i--) {
            if (!writers.get(i).aliasesInput()) {
                return i;
            }
        }
        return -1;
    }

    private MethodSpec forwardInference() {
        int outSize = shapes.get(shapes.size() - 1).size();
        MethodSpec.Builder m = MethodSpec.methodBuilder("forwardInference")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PROTECTED)
                .addParameter(LayerWriter.FLOATS, "x")
                .addParameter(TypeName.INT, "batch")
                .addParameter(LayerWriter.FLOATS, "y");
        if (lastWritingLayer() < 0) {
            return m.addStatement("System.arraycopy(x, 0, y, 0, $L)", Expressions.times("batch", outSize))
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
                .addParameter(LayerWriter.FLOATS, "x")
                .addParameter(TypeName.INT, "batch");
        m.addStatement("ensureCapacity(batch)");
        int last = lastWritingLayer();
        if (last < 0) {
            return m.addStatement("return x").build();
        }
        String output = writers.get(last).outputBuffer();
        return m.addStatement("runLayers(x, batch$L, $L)", usesTrainingFlag() ? ", dropoutInTraining()" : "", output)
                .addStatement("return $L", output)
                .build();
    }

    /** The array holding activation {@code i} (0 is the input, i the output of layer i - 1). */
    private String activation(int i) {
        if (i == 0) {
            return "x";
        }
        LayerWriter w = writers.get(i - 1);
        return w.aliasesInput() ? activation(i - 1) : w.outputBuffer();
    }

    private MethodSpec runLayers() {
        MethodSpec.Builder m = MethodSpec.methodBuilder("runLayers")
                .addModifiers(Modifier.PRIVATE)
                .addJavadoc("Runs every forward pass; the last layer writes into {@code out}.\n")
                .addParameter(LayerWriter.FLOATS, "x")
                .addParameter(TypeName.INT, "batch");
        if (usesTrainingFlag()) {
            m.addParameter(TypeName.BOOLEAN, "training");
        }
        m.addParameter(LayerWriter.FLOATS, "out");
        int last = lastWritingLayer();
        for (int i = 0; i < writers.size(); i++) {
            LayerWriter layer = writers.get(i);
            if (!(layer instanceof ComputingLayerWriter w)) {
                m.addComment(
                        "$L: $L",
                        JavaNames.commentText(spec.layers().get(i).name()),
                        JavaNames.commentText(layer.describe()));
                continue;
            }
            m.addStatement(
                    "$L($L, $L, batch$L)",
                    w.forwardName(),
                    activation(i),
                    i == last ? "out" : activation(i + 1),
                    w.usesTrainingFlag() ? ", training" : "");
        }
        return m.build();
    }

    private MethodSpec backward() {
        MethodSpec.Builder m = MethodSpec.methodBuilder("backward")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PROTECTED)
                .addParameter(LayerWriter.FLOATS, "x")
                .addParameter(LayerWriter.FLOATS, "outputGradient")
                .addParameter(TypeName.INT, "batch");
        for (int i = writers.size() - 1; i >= 0; i--) {
            LayerWriter w = writers.get(i);
            String dy = i == writers.size() - 1
                    ? "outputGradient"
                    : writers.get(i + 1).inputGradientBuffer();
            m.addStatement(
                    "$L($L, $L, $L$L, batch)",
                    w.backwardName(),
                    activation(i),
                    activation(i + 1),
                    dy,
                    w.hasInputGradient() ? ", " + w.inputGradientBuffer() : "");
        }
        return m.build();
    }

    private MethodSpec inputGradientBuffer() {
        MethodSpec.Builder m = MethodSpec.methodBuilder("inputGradientBuffer")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PROTECTED)
                .returns(LayerWriter.FLOATS);
        if (spec.input().integerIds()) {
            return m.addJavadoc("Null: integer token ids have no gradient.\n")
                    .addStatement("return null")
                    .build();
        }
        return m.addStatement("return $L", writers.get(0).inputGradientBuffer()).build();
    }

    private MethodSpec ensureCapacity() {
        CodeBlock.Builder code = CodeBlock.builder();
        code.beginControlFlow("if (batch <= capacity)");
        code.addStatement("return");
        code.endControlFlow();
        for (LayerWriter w : writers) {
            if (!w.aliasesInput()) {
                code.addStatement("$L = new float[$L]", w.outputBuffer(), Expressions.times("batch", w.outSize()));
            }
            if (w.hasInputGradient()) {
                code.addStatement(
                        "$L = new float[$L]", w.inputGradientBuffer(), Expressions.times("batch", w.inSize()));
            }
            w.allocate(code);
        }
        code.addStatement("capacity = batch");
        return MethodSpec.methodBuilder("ensureCapacity")
                .addModifiers(Modifier.PRIVATE)
                .addJavadoc("Sizes the per-batch buffers for {@code batch} examples; a no-op unless the batch grew.\n")
                .addParameter(TypeName.INT, "batch")
                .addCode(code.build())
                .build();
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
