package dev.lamina.compiler.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.compiler.ast.Argument;
import dev.lamina.compiler.ast.AstPrinter;
import dev.lamina.compiler.ast.LaminaFile;
import dev.lamina.compiler.ast.LayerDecl;
import dev.lamina.compiler.ast.ModelDecl;
import dev.lamina.compiler.ast.Span;
import dev.lamina.compiler.ast.Value;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The syntax tree and its spans. */
class SourceParserTest {
    @Test
    void buildsTheTreeWithSpans() {
        String text = "// comment\nmodel Net {\n  input [None, 2]\n  conv1d(8, kernel_size=3, name=c)\n"
                + "  flatten\n  train { loss mse; optimizer sgd(momentum=0.9) }\n}\n";
        ParseResult result = SourceParser.parse("n.lamina", text);
        assertThat(result.diagnostics()).isEmpty();
        LaminaFile file = result.file();
        assertThat(file.models()).hasSize(1);
        ModelDecl model = file.models().get(0);
        assertThat(model.name()).isEqualTo("Net");
        assertThat(model.nameSpan()).isEqualTo(new Span("n.lamina", 2, 7, 3));
        assertThat(model.inputs().get(0).dims())
                .containsExactly(
                        new Value.NoneValue(new Span("n.lamina", 3, 10, 4)),
                        new Value.IntValue(BigInteger.TWO, new Span("n.lamina", 3, 16, 1)));
        assertThat(model.inputs().get(0).integerIds()).isFalse();
        LayerDecl conv = model.layers().get(0);
        assertThat(conv.type()).isEqualTo("conv1d");
        assertThat(conv.span()).isEqualTo(new Span("n.lamina", 4, 3, 32));
        assertThat(conv.typeSpan()).isEqualTo(new Span("n.lamina", 4, 3, 6));
        assertThat(conv.arguments())
                .containsExactly(
                        new Argument(
                                Optional.empty(),
                                new Value.IntValue(BigInteger.valueOf(8), new Span("n.lamina", 4, 10, 1)),
                                new Span("n.lamina", 4, 10, 1)),
                        new Argument(
                                Optional.of("kernel_size"),
                                new Value.IntValue(BigInteger.valueOf(3), new Span("n.lamina", 4, 25, 1)),
                                new Span("n.lamina", 4, 13, 13)),
                        new Argument(
                                Optional.of("name"),
                                new Value.NameValue("c", new Span("n.lamina", 4, 33, 1)),
                                new Span("n.lamina", 4, 28, 6)));
        assertThat(model.layers().get(1).arguments()).isEmpty();
        var train = model.train().orElseThrow();
        assertThat(train.items())
                .extracting(i -> i.key() + " " + i.setting())
                .containsExactly("loss mse", "optimizer sgd");
        assertThat(train.items().get(1).settingSpan()).isEqualTo(new Span("n.lamina", 6, 31, 3));
        assertThat(train.items().get(1).arguments().get(0).value())
                .isEqualTo(new Value.FloatValue(0.9, new Span("n.lamina", 6, 44, 3)));
    }

    @Test
    void intInputAndSeveralModels() {
        ParseResult result =
                SourceParser.parse("t", "model A { input [50] int embedding(10, 2) } model B { input [3] }");
        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.file().models()).extracting(ModelDecl::name).containsExactly("A", "B");
        assertThat(result.file().models().get(0).inputs().get(0).integerIds()).isTrue();
        assertThat(result.file().models().get(1).layers()).isEmpty();
    }

    @Test
    void syntaxErrorsNeverReachTheConsole() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        ParseResult result;
        try {
            result = SourceParser.parse("t", "model { input [1 2] ) @ } }");
        } finally {
            System.setErr(original);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(result.hasErrors()).isTrue();
        assertThat(result.diagnostics()).extracting(d -> d.code().id()).contains("LAM001", "LAM002");
        assertThat(result.file().models()).isEmpty();
    }

    @Test
    void afterASyntaxErrorTheTreeHoldsTheModelsThatParsed() {
        ParseResult result = SourceParser.parse(
                "t",
                "model A { input [4, 1] conv1d(2, 2) }\nmodel B { input [3] dense(2 }\n"
                        + "model C { input [8] dense(1) }\nmodel D { input [8] dense(1) ) }\nmodel E { input [2] }\n");
        assertThat(result.diagnostics())
                .extracting(d -> d.span().line() + ":" + d.span().column() + ":"
                        + d.code().id())
                .containsExactly("2:29:LAM001", "4:30:LAM001");
        assertThat(result.file().models()).extracting(ModelDecl::name).containsExactly("A", "C", "E");
        assertThat(result.file().models().get(1).nameSpan()).isEqualTo(new Span("t", 3, 7, 1));
    }

    @Test
    void aModelMissingItsClosingBraceIsLeftOutAndTheNextOneKept() {
        ParseResult result =
                SourceParser.parse("t", "model A {\n  input [4]\n  dense(2)\nmodel B {\n  input [3]\n  dense(1)\n}\n");
        assertThat(result.hasErrors()).isTrue();
        assertThat(result.file().models()).extracting(ModelDecl::name).containsExactly("B");
    }

    @Test
    void everyPrefixOfEverySampleKeepsOnlyCompleteModels() throws java.io.IOException {
        java.nio.file.Path root = dev.lamina.runtime.golden.ReferenceData.repositoryRoot();
        java.util.List<java.nio.file.Path> samples;
        try (var files = java.nio.file.Files.walk(root.resolve("samples"))) {
            samples =
                    files.filter(f -> f.toString().endsWith(".lamina")).sorted().toList();
        }
        assertThat(samples).hasSizeGreaterThan(5);
        int parsed = 0;
        for (java.nio.file.Path sample : samples) {
            String text = java.nio.file.Files.readString(sample);
            java.util.List<String> complete = SourceParser.parse("t", text).file().models().stream()
                    .map(AstPrinter::print)
                    .toList();
            assertThat(complete).isNotEmpty();
            for (int end = 0; end < text.length(); end++) {
                ParseResult result = SourceParser.parse("t", text.substring(0, end));
                // a model needs its closing brace, so one read from a prefix is one of the whole file's
                assertThat(result.file().models())
                        .as("%s up to %d", sample, end)
                        .allSatisfy(m -> assertThat(complete).contains(AstPrinter.print(m)));
                parsed++;
            }
        }
        assertThat(parsed).isGreaterThan(1000);
    }
}
