package dev.lamina.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.compiler.CheckedModel;
import dev.lamina.compiler.Compilation;
import dev.lamina.compiler.LaminaCompiler;
import dev.lamina.runtime.Parameter;
import dev.lamina.runtime.golden.GoldenCase;
import dev.lamina.runtime.golden.GoldenCases;
import dev.lamina.runtime.golden.ReferenceData;
import dev.lamina.runtime.interpreter.Interpreter;
import dev.lamina.runtime.spec.InputSpec;
import dev.lamina.runtime.spec.LayerSpec;
import dev.lamina.runtime.spec.ModelSpec;
import dev.lamina.runtime.spec.NodeSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every exported model runs in ONNX Runtime and gives Lamina's own outputs (the interpreter's)
 * within a relative 1e-5: every sample model (seeded weights, random inputs), every golden case
 * (its weights and inputs), and specs covering what neither has (channels_first layers, lengths
 * known only at run time, every activation, merges that broadcast).
 */
class OnnxRuntimeAgreementTest {
    /** Relative tolerance: of the larger of the value and the output's largest magnitude. */
    static final double RTOL = 1e-5;

    /** Specs for the layer options the samples and golden cases leave out. */
    static final String EXTRA_SPECS =
            """
            model ChannelsFirst {
              input [3, 17]
              conv1d(6, 3, padding=same, activation=relu, data_format=channels_first)
              conv1d(5, 2, strides=2, activation=gelu, data_format=channels_first)
              max_pooling1d(3, strides=2, padding=same, data_format=channels_first)
              conv1d(4, 2, padding=causal, dilation_rate=2, activation=elu, data_format=channels_first)
              average_pooling1d(2, padding=same, data_format=channels_first)
              global_max_pooling1d(data_format=channels_first)
              dense(3, activation=softmax)
            }
            model MixedLayouts {
              input x [8, 4]
              a = x -> conv1d(4, 3, padding=same, activation=softplus) -> average_pooling1d(3, strides=1, padding=same)
              b = x -> max_pooling1d(2, strides=1, padding=same, data_format=channels_first)
              c = b -> conv1d(8, 1, activation=tanh, data_format=channels_first)
              [a, c] -> subtract
              flatten
              repeat_vector(2)
              reshape([4, 16])
              global_average_pooling1d(data_format=channels_first)
              dense(2, activation=sigmoid)
            }
            model AnyLength {
              input [None, 3]
              conv1d(4, 3, strides=2, padding=same, activation=relu)
              conv1d(4, 2, padding=causal)
              max_pooling1d(3, padding=same)
              average_pooling1d(2, strides=1, padding=same)
              global_average_pooling1d
              dense(2)
            }
            model Broadcasts {
              input seq [6, 4]
              input side [4]
              input gate [6, 1]
              s = side -> dense(4, activation=tanh)
              [seq, s, gate] -> multiply
              m = activation(elu)
              [m, seq, s] -> add
              n = activation(linear)
              [n, m, gate] -> maximum
              o = activation(linear)
              [o, n] -> minimum
              p = activation(relu)
              q = [p, o, gate] -> average
              [q, seq] -> concatenate(axis=1)
              dropout(0.3)
              global_max_pooling1d
            }
            model NormalizedAndReshaped {
              input [12, 3]
              zero_padding1d([2, 1])
              conv1d(6, 3, use_bias=false)
              batch_normalization(epsilon=0.01)
              activation(silu)
              cropping1d([1, 2])
              up_sampling1d(3)
              layer_normalization
              activation(selu)
              spatial_dropout1d(0.2)
              conv1d(4, 2, activation=leaky_relu)
              batch_normalization(center=false)
              activation(hard_sigmoid)
              permute([2, 1])
              dense(5, activation=softsign)
              global_average_pooling1d
            }
            """;

    @TestFactory
    Stream<DynamicTest> everySampleModelAgrees() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(ReferenceData.repositoryRoot().resolve("samples/models"))) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".lamina")).sorted().toList()) {
                for (CheckedModel model : compile(file.getFileName().toString(), Files.readString(file))) {
                    tests.add(DynamicTest.dynamicTest(
                            file.getFileName() + " " + model.spec().name(), () -> checkRandom(model.spec())));
                }
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> specsBeyondTheSamplesAgree() {
        return compile("extra.lamina", EXTRA_SPECS).stream()
                .map(m -> DynamicTest.dynamicTest(m.spec().name(), () -> checkRandom(m.spec())));
    }

    @TestFactory
    Stream<DynamicTest> everyGoldenCaseAgrees() {
        return GoldenCases.all().stream()
                .filter(c -> c.unsupported().isEmpty())
                .map(c -> DynamicTest.dynamicTest(c.name(), () -> checkGolden(c)));
    }

    private static void checkGolden(GoldenCase c) throws Exception {
        Interpreter model = new Interpreter(c.model(), 0);
        c.params().forEach((key, tensor) -> model.parameter(key).set(tensor.floats()));
        float[] lamina = model.predict(c.inputs(), c.batch());
        assertAgree(c.name(), OrtRun.predict(model, c.inputs(), c.batch()), lamina);
    }

    /** Seeded weights and random inputs (lengths known only at run time set to 13), batch 3. */
    private static void checkRandom(ModelSpec spec) throws Exception {
        Interpreter model = new Interpreter(spec, 7);
        SplittableRandom random = new SplittableRandom(spec.name().hashCode());
        for (Parameter p : model.parameters()) {
            // normalizations start as the identity; give them statistics and scales worth checking
            float[] v = p.value();
            boolean variance = p.name().equals("moving_variance");
            if (variance || List.of("gamma", "beta", "moving_mean").contains(p.name())) {
                for (int i = 0; i < v.length; i++) {
                    v[i] = (float) (variance ? random.nextDouble(0.2, 2) : random.nextDouble(-1, 1));
                }
            }
        }
        int batch = 3;
        float[][] inputs = new float[spec.inputs().size()][];
        for (int i = 0; i < inputs.length; i++) {
            InputSpec input = spec.inputs().get(i);
            int size = 1;
            for (int d : input.shape().dims()) {
                size *= d > 0 ? d : 13;
            }
            int vocabulary = vocabulary(spec, input.name());
            inputs[i] = new float[batch * size];
            for (int j = 0; j < inputs[i].length; j++) {
                inputs[i][j] = input.integerIds() ? random.nextInt(vocabulary) : (float) random.nextDouble(-2, 2);
            }
        }
        float[] lamina = model.predict(inputs, batch);
        assertAgree(spec.name(), OrtRun.predict(model, inputs, batch), lamina);
    }

    /** The smallest input_dim of the embeddings reading input {@code name}. */
    private static int vocabulary(ModelSpec spec, String name) {
        int smallest = Integer.MAX_VALUE;
        for (NodeSpec node : spec.nodes()) {
            if (node.layer() instanceof LayerSpec.Embedding e && node.inputs().contains(name)) {
                smallest = Math.min(smallest, e.inputDim());
            }
        }
        return smallest;
    }

    static void assertAgree(String what, float[] onnx, float[] lamina) {
        assertThat(onnx).as(what + ": output size").hasSameSizeAs(lamina);
        double scale = 0;
        for (float v : lamina) {
            scale = Math.max(scale, Math.abs(v));
        }
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < lamina.length; i++) {
            double bound = RTOL * Math.max(Math.max(Math.abs(lamina[i]), Math.abs(onnx[i])), scale);
            if (!(Math.abs(onnx[i] - lamina[i]) <= bound)) {
                differences.add("[" + i + "] ONNX Runtime " + onnx[i] + ", Lamina " + lamina[i]);
            }
        }
        assertThat(differences)
                .as(what + ": outputs differing by more than " + RTOL + " relative")
                .isEmpty();
    }

    private static List<CheckedModel> compile(String name, String text) {
        Compilation compilation = LaminaCompiler.compile(name, text);
        assertThat(compilation.hasErrors()).as(compilation.render()).isFalse();
        return compilation.models();
    }
}
