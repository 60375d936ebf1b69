package dev.lamina.compiler.ast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.compiler.parse.ParseResult;
import dev.lamina.compiler.parse.SourceParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** parse -> print -> parse gives the same tree (spans aside), for every sample and hand-written specs. */
class RoundTripTest {
    private static final Path SAMPLES = Path.of("..", "samples");

    private static final List<String> HAND_WRITTEN = List.of(
            "model A { input [4, 1] conv1d(1, 2, use_bias=false) }",
            "model B {\n  input [None, 100]  // variable length\n  conv1d(filters=8, kernel_size=3, strides=1,"
                    + " padding=causal, dilation_rate=2, activation=gelu, name=c)\n  global_average_pooling1d()\n"
                    + "  dense(2, activation=softmax,)\n}",
            "# two models\nmodel P { input [12] reshape([3, 4]) flatten repeat_vector(2) activation(tanh) }\n"
                    + "model Q { input [50] int embedding(1000, 8) average_pooling1d(pool_size=3, strides=None,"
                    + " padding=same) dropout(0.25) max_pooling1d global_max_pooling1d\n"
                    + "  train { loss sparse_categorical_crossentropy; optimizer rmsprop(learning_rate=0.005,"
                    + " rho=0.95, epsilon=1e-7); } }",
            "model S { input [8, 2] float dense(1) train { optimizer sgd(0.1, 0.9, true) loss mse } }",
            "model E { input [-3, 1] dense(-2, 4.5e3, name=[1, None]) }",
            "model K { input [3, 1] conv1d(1, 1, padding=\"same\", name='input', activation=\"not a name\") }");

    @TestFactory
    Stream<DynamicTest> samples() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(SAMPLES)) {
            files = walk.filter(p -> p.toString().endsWith(".lamina")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(6);
        return files.stream()
                .map(f -> DynamicTest.dynamicTest(
                        SAMPLES.relativize(f).toString(), () -> roundTrip(Files.readString(f))));
    }

    @TestFactory
    Stream<DynamicTest> handWritten() {
        return HAND_WRITTEN.stream()
                .map(text -> DynamicTest.dynamicTest(text.lines().findFirst().orElseThrow(), () -> roundTrip(text)));
    }

    @Test
    void printsTheCanonicalLayout() {
        LaminaFile file = parse(HAND_WRITTEN.get(3));
        assertThat(AstPrinter.print(file))
                .isEqualTo("model S {\n  input [8, 2]\n  dense(1)\n  train {\n    optimizer sgd(0.1, 0.9, true)\n"
                        + "    loss mse\n  }\n}\n");
    }

    private static void roundTrip(String text) {
        LaminaFile first = parse(text);
        String printed = AstPrinter.print(first);
        LaminaFile second = parse(printed);
        assertThat(SpanEraser.erase(second)).isEqualTo(SpanEraser.erase(first));
        assertThat(AstPrinter.print(second)).isEqualTo(printed);
    }

    private static LaminaFile parse(String text) {
        ParseResult result = SourceParser.parse("t.lamina", text);
        assertThat(result.diagnostics()).isEmpty();
        return result.file();
    }
}
