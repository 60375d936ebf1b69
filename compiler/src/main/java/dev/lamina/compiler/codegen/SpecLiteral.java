package dev.lamina.compiler.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.lamina.runtime.spec.DataFormat;
import dev.lamina.runtime.spec.InputSpec;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.ModelSpec;
import dev.lamina.runtime.spec.NodeSpec;
import dev.lamina.runtime.spec.OptimizerSpec;
import dev.lamina.runtime.spec.Shape;
import dev.lamina.runtime.spec.TrainingSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Emits Java that rebuilds a {@link ModelSpec}: names as escaped string literals, numbers as exact
 * literals, so the generated class's {@code spec()} equals the spec it was generated from.
 */
final class SpecLiteral {
    private static final String SPEC = "dev.lamina.runtime.spec";
    static final ClassName MODEL_SPEC = ClassName.get(SPEC, "ModelSpec");
    static final ClassName INPUT_SPEC = ClassName.get(SPEC, "InputSpec");
    static final ClassName LAYER_SPEC = ClassName.get(SPEC, "LayerSpec");
    static final ClassName NODE_SPEC = ClassName.get(SPEC, "NodeSpec");
    static final ClassName MERGE_KIND = ClassName.get(SPEC, "MergeKind");
    static final ClassName SHAPE = ClassName.get(SPEC, "Shape");
    static final ClassName PADDING = ClassName.get(SPEC, "Padding");
    static final ClassName ACTIVATION = ClassName.get(SPEC, "Activation");
    static final ClassName POOL_KIND = ClassName.get(SPEC, "PoolKind");
    static final ClassName DATA_FORMAT = ClassName.get(SPEC, "DataFormat");
    static final ClassName LOSS_KIND = ClassName.get(SPEC, "LossKind");
    static final ClassName TRAINING_SPEC = ClassName.get(SPEC, "TrainingSpec");
    static final ClassName OPTIMIZER_SPEC = ClassName.get(SPEC, "OptimizerSpec");
    static final ClassName LIST = ClassName.get(List.class);
    static final ClassName OPTIONAL = ClassName.get(Optional.class);

    private SpecLiteral() {}

    /**
     * {@code new ModelSpec("toy", List.of(new InputSpec("input", Shape.of(4, 1), false)),
     * List.of(new NodeSpec(new LayerSpec.Conv1D(...), List.of("input")), ...), "conv1d",
     * Optional.empty())}.
     */
    static CodeBlock of(ModelSpec spec) {
        CodeBlock.Builder code = CodeBlock.builder();
        code.add("new $T(\n", MODEL_SPEC).indent().indent();
        code.add("$S,\n", spec.name());
        List<CodeBlock> inputs = new ArrayList<>();
        for (InputSpec input : spec.inputs()) {
            inputs.add(CodeBlock.of(
                    "new $T($S, $L, $L)", INPUT_SPEC, input.name(), shape(input.shape()), input.integerIds()));
        }
        code.add("$T.of($L),\n", LIST, CodeBlock.join(inputs, ", "));
        code.add("$T.of(", LIST);
        List<CodeBlock> nodes = new ArrayList<>();
        for (NodeSpec node : spec.nodes()) {
            List<CodeBlock> reads =
                    node.inputs().stream().map(t -> CodeBlock.of("$S", t)).toList();
            nodes.add(CodeBlock.of(
                    "new $T($L, $T.of($L))", NODE_SPEC, layer(node.layer()), LIST, CodeBlock.join(reads, ", ")));
        }
        if (!nodes.isEmpty()) {
            code.add("\n").indent().indent();
            code.add(CodeBlock.join(nodes, ",\n"));
            code.unindent().unindent();
        }
        code.add("),\n");
        code.add("$S,\n", spec.output());
        code.add("$L)", training(spec.training()));
        code.unindent().unindent();
        return code.build();
    }

    /** {@code List.of(new InputSpec("seq", Shape.of(8, 2), false), ...)}. */
    static CodeBlock inputs(ModelSpec spec) {
        List<CodeBlock> inputs = new ArrayList<>();
        for (InputSpec input : spec.inputs()) {
            inputs.add(CodeBlock.of(
                    "new $T($S, $L, $L)", INPUT_SPEC, input.name(), shape(input.shape()), input.integerIds()));
        }
        return CodeBlock.of("$T.of($L)", LIST, CodeBlock.join(inputs, ", "));
    }

    /** {@code new NodeSpec(new LayerSpec.Dense(...), List.of("conv1d"))}. */
    static CodeBlock node(NodeSpec node) {
        List<CodeBlock> reads =
                node.inputs().stream().map(t -> CodeBlock.of("$S", t)).toList();
        return CodeBlock.of("new $T($L, $T.of($L))", NODE_SPEC, layer(node.layer()), LIST, CodeBlock.join(reads, ", "));
    }

    static CodeBlock shape(Shape shape) {
        int[] dims = shape.dims();
        List<String> parts = new ArrayList<>();
        for (int d : dims) {
            parts.add(Integer.toString(d));
        }
        return CodeBlock.of("$T.of($L)", SHAPE, String.join(", ", parts));
    }

    /** Nothing for channels_last (the records' shorter constructors), else {@code , DataFormat.CHANNELS_FIRST}. */
    private static CodeBlock dataFormat(LayerSpec.SequenceLayer layer) {
        return layer.dataFormat() == DataFormat.CHANNELS_LAST
                ? CodeBlock.of("")
                : CodeBlock.of(", $T.$L", DATA_FORMAT, layer.dataFormat().name());
    }

    private static CodeBlock layer(LayerSpec layer) {
        return layer.accept(new LayerSpec.Visitor<CodeBlock>() {
            @Override
            public CodeBlock conv1d(LayerSpec.Conv1D c) {
                return CodeBlock.of(
                        "new $T.Conv1D($S, $L, $L, $L, $T.$L, $L, $L, $T.$L$L)",
                        LAYER_SPEC,
                        c.name(),
                        c.filters(),
                        c.kernelSize(),
                        c.strides(),
                        PADDING,
                        c.padding().name(),
                        c.dilationRate(),
                        c.useBias(),
                        ACTIVATION,
                        c.activation().name(),
                        dataFormat(c));
            }

            @Override
            public CodeBlock dense(LayerSpec.Dense d) {
                return CodeBlock.of(
                        "new $T.Dense($S, $L, $L, $T.$L)",
                        LAYER_SPEC,
                        d.name(),
                        d.units(),
                        d.useBias(),
                        ACTIVATION,
                        d.activation().name());
            }

            @Override
            public CodeBlock pooling1d(LayerSpec.Pooling1D p) {
                return CodeBlock.of(
                        "new $T.Pooling1D($S, $T.$L, $L, $L, $T.$L$L)",
                        LAYER_SPEC,
                        p.name(),
                        POOL_KIND,
                        p.kind().name(),
                        p.poolSize(),
                        p.strides(),
                        PADDING,
                        p.padding().name(),
                        dataFormat(p));
            }

            @Override
            public CodeBlock globalPooling1d(LayerSpec.GlobalPooling1D g) {
                return CodeBlock.of(
                        "new $T.GlobalPooling1D($S, $T.$L$L)",
                        LAYER_SPEC,
                        g.name(),
                        POOL_KIND,
                        g.kind().name(),
                        dataFormat(g));
            }

            @Override
            public CodeBlock flatten(LayerSpec.Flatten f) {
                return CodeBlock.of("new $T.Flatten($S)", LAYER_SPEC, f.name());
            }

            @Override
            public CodeBlock dropout(LayerSpec.Dropout d) {
                return CodeBlock.of("new $T.Dropout($S, $L)", LAYER_SPEC, d.name(), Double.toString(d.rate()));
            }

            @Override
            public CodeBlock activation(LayerSpec.ActivationLayer a) {
                return CodeBlock.of(
                        "new $T.ActivationLayer($S, $T.$L)",
                        LAYER_SPEC,
                        a.name(),
                        ACTIVATION,
                        a.activation().name());
            }

            @Override
            public CodeBlock embedding(LayerSpec.Embedding e) {
                return CodeBlock.of("new $T.Embedding($S, $L, $L)", LAYER_SPEC, e.name(), e.inputDim(), e.outputDim());
            }

            @Override
            public CodeBlock repeatVector(LayerSpec.RepeatVector r) {
                return CodeBlock.of("new $T.RepeatVector($S, $L)", LAYER_SPEC, r.name(), r.n());
            }

            @Override
            public CodeBlock reshape(LayerSpec.Reshape r) {
                List<String> dims =
                        r.targetShape().stream().map(String::valueOf).toList();
                return CodeBlock.of(
                        "new $T.Reshape($S, $T.of($L))", LAYER_SPEC, r.name(), LIST, String.join(", ", dims));
            }

            @Override
            public CodeBlock merge(LayerSpec.Merge m) {
                return CodeBlock.of(
                        "new $T.Merge($S, $T.$L)",
                        LAYER_SPEC,
                        m.name(),
                        MERGE_KIND,
                        m.kind().name());
            }

            @Override
            public CodeBlock concatenate(LayerSpec.Concatenate c) {
                return CodeBlock.of("new $T.Concatenate($S, $L)", LAYER_SPEC, c.name(), c.axis());
            }

            @Override
            public CodeBlock batchNormalization(LayerSpec.BatchNormalization b) {
                return CodeBlock.of(
                        "new $T.BatchNormalization($S, $L, $L, $L, $L)",
                        LAYER_SPEC,
                        b.name(),
                        number(b.momentum()),
                        number(b.epsilon()),
                        b.center(),
                        b.scale());
            }

            @Override
            public CodeBlock layerNormalization(LayerSpec.LayerNormalization l) {
                return CodeBlock.of(
                        "new $T.LayerNormalization($S, $L, $L, $L)",
                        LAYER_SPEC,
                        l.name(),
                        number(l.epsilon()),
                        l.center(),
                        l.scale());
            }

            @Override
            public CodeBlock zeroPadding1d(LayerSpec.ZeroPadding1D z) {
                return CodeBlock.of("new $T.ZeroPadding1D($S, $L, $L)", LAYER_SPEC, z.name(), z.left(), z.right());
            }

            @Override
            public CodeBlock cropping1d(LayerSpec.Cropping1D c) {
                return CodeBlock.of("new $T.Cropping1D($S, $L, $L)", LAYER_SPEC, c.name(), c.left(), c.right());
            }

            @Override
            public CodeBlock upSampling1d(LayerSpec.UpSampling1D u) {
                return CodeBlock.of("new $T.UpSampling1D($S, $L)", LAYER_SPEC, u.name(), u.size());
            }

            @Override
            public CodeBlock permute(LayerSpec.Permute p) {
                List<String> dims = p.dims().stream().map(String::valueOf).toList();
                return CodeBlock.of(
                        "new $T.Permute($S, $T.of($L))", LAYER_SPEC, p.name(), LIST, String.join(", ", dims));
            }

            @Override
            public CodeBlock spatialDropout1d(LayerSpec.SpatialDropout1D d) {
                return CodeBlock.of("new $T.SpatialDropout1D($S, $L)", LAYER_SPEC, d.name(), number(d.rate()));
            }
        });
    }

    static CodeBlock training(Optional<TrainingSpec> training) {
        if (training.isEmpty()) {
            return CodeBlock.of("$T.empty()", OPTIONAL);
        }
        TrainingSpec t = training.get();
        return CodeBlock.of(
                "$T.of(new $T($T.$L, $L$L))",
                OPTIONAL,
                TRAINING_SPEC,
                LOSS_KIND,
                t.loss().name(),
                optimizer(t.optimizer()),
                t.huberDelta() == TrainingSpec.DEFAULT_HUBER_DELTA ? "" : ", " + number(t.huberDelta()));
    }

    /** The optimizer's constructor call, with its clipping only when it clips. */
    private static CodeBlock optimizer(OptimizerSpec optimizer) {
        List<String> args = new ArrayList<>();
        String type;
        if (optimizer instanceof OptimizerSpec.Sgd s) {
            type = "Sgd";
            args.addAll(List.of(number(s.learningRate()), number(s.momentum()), Boolean.toString(s.nesterov())));
        } else if (optimizer instanceof OptimizerSpec.Adam a) {
            type = "Adam";
            args.addAll(List.of(number(a.learningRate()), number(a.beta1()), number(a.beta2()), number(a.epsilon())));
        } else if (optimizer instanceof OptimizerSpec.RmsProp r) {
            type = "RmsProp";
            args.addAll(List.of(number(r.learningRate()), number(r.rho()), number(r.epsilon())));
        } else if (optimizer instanceof OptimizerSpec.AdamW w) {
            type = "AdamW";
            args.addAll(List.of(
                    number(w.learningRate()),
                    number(w.weightDecay()),
                    number(w.beta1()),
                    number(w.beta2()),
                    number(w.epsilon())));
        } else if (optimizer instanceof OptimizerSpec.Adagrad a) {
            type = "Adagrad";
            args.addAll(List.of(number(a.learningRate()), number(a.initialAccumulatorValue()), number(a.epsilon())));
        } else {
            throw new IllegalArgumentException("no literal for optimizer " + optimizer);
        }
        boolean clips = optimizer.clipping().kind() != OptimizerSpec.Clipping.Kind.NONE;
        boolean needsClipping = clips || type.equals("AdamW") || type.equals("Adagrad");
        if (!needsClipping) {
            return CodeBlock.of("new $T.$L($L)", OPTIMIZER_SPEC, type, String.join(", ", args));
        }
        CodeBlock clipping = clips
                ? CodeBlock.of(
                        "$T.Clipping.of($T.Clipping.Kind.$L, $L)",
                        OPTIMIZER_SPEC,
                        OPTIMIZER_SPEC,
                        optimizer.clipping().kind().name(),
                        number(optimizer.clipping().threshold()))
                : CodeBlock.of("$T.Clipping.NONE", OPTIMIZER_SPEC);
        return CodeBlock.of("new $T.$L($L, $L)", OPTIMIZER_SPEC, type, String.join(", ", args), clipping);
    }

    /** An exact double literal; {@link Double#toString} round-trips. */
    private static String number(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("hyper-parameter " + value + " is not a finite number");
        }
        return Double.toString(value);
    }
}
