package dev.lamina.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.compiler.ast.AstPrinter;
import dev.lamina.compiler.parse.SourceParser;
import dev.lamina.runtime.golden.ReferenceData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.lsp4j.TextEdit;
import org.junit.jupiter.api.Test;

/** Formatting: the canonical layout, comments kept, idempotent, never changing what a file means. */
class FormatterTest {
    private static String format(String text) {
        return Formatter.format(text).orElseThrow();
    }

    @Test
    void laysOutStatementsArgumentsAndTrainingLikeTheCanonicalPrinter() {
        String messy = "model   Toy{input[4,1]   conv1d( 1,2 ,use_bias = false)  flatten\n"
                + "train{loss mae;optimizer adam( learning_rate=0.05 )}}"
                + "model G { input x [8, 2] int a=x->embedding(10,4)->conv1d(4,3,\n padding=same)\n"
                + "[a,a]->add }";
        String formatted = format(messy);
        assertThat(formatted)
                .isEqualTo("model Toy {\n"
                        + "  input [4, 1]\n"
                        + "  conv1d(1, 2, use_bias=false)\n"
                        + "  flatten\n"
                        + "  train {\n"
                        + "    loss mae\n"
                        + "    optimizer adam(learning_rate=0.05)\n"
                        + "  }\n"
                        + "}\n"
                        + "\n"
                        + "model G {\n"
                        + "  input x [8, 2] int\n"
                        + "  a = x -> embedding(10, 4) -> conv1d(4, 3, padding=same)\n"
                        + "  [a, a] -> add\n"
                        + "}\n");
        assertThat(formatted)
                .isEqualTo(AstPrinter.print(SourceParser.parse("t", messy).file()));
    }

    @Test
    void keepsEveryCommentWhereItBelongs() {
        String text = "// The toy model.\n"
                + "/* two\n   lines */\n"
                + "model Toy {   # trailing after the brace\n"
                + "\n"
                + "  input [4, 1]   // one channel\n"
                + "\n"
                + "\n"
                + "      // about the layer\n"
                + "  conv1d(1, /* filters */ 2)\n"
                + "  k = conv1d(1, 2) // a binding\n"
                + "    -> dense(3)\n"
                + "  train { loss mse  // the loss\n"
                + "  optimizer sgd ; }\n"
                + "  // last words\n"
                + "}\n"
                + "// the end\n";
        assertThat(format(text))
                .isEqualTo("// The toy model.\n"
                        + "/* two\n   lines */\n"
                        + "model Toy {  # trailing after the brace\n"
                        + "  input [4, 1]  // one channel\n"
                        + "\n"
                        + "  // about the layer\n"
                        + "  conv1d(1, /* filters */ 2)\n"
                        + "  k = conv1d(1, 2)  // a binding\n"
                        + "      -> dense(3)\n"
                        + "  train {\n"
                        + "    loss mse  // the loss\n"
                        + "    optimizer sgd\n"
                        + "  }\n"
                        + "  // last words\n"
                        + "}\n"
                        + "\n"
                        + "// the end\n");
        assertThat(format(format(text))).isEqualTo(format(text));
    }

    @Test
    void everySampleIsFormattedIdempotentlyWithItsMeaningAndCommentsKept() throws Exception {
        List<Path> samples;
        try (var files = Files.walk(ReferenceData.repositoryRoot().resolve("samples"))) {
            samples =
                    files.filter(f -> f.toString().endsWith(".lamina")).sorted().toList();
        }
        assertThat(samples).hasSizeGreaterThan(5);
        for (Path sample : samples) {
            String text = Files.readString(sample);
            String once = format(text);
            assertThat(format(once)).as(sample.toString()).isEqualTo(once);
            assertThat(AstPrinter.print(SourceParser.parse("t", once).file()))
                    .isEqualTo(AstPrinter.print(SourceParser.parse("t", text).file()));
            assertThat(once).as("%s is already in the canonical layout", sample).isEqualTo(text);
        }
    }

    @Test
    void anyLayoutOfTheSamplesFormatsBackToTheSample() throws Exception {
        java.util.Random random = new java.util.Random(18);
        List<String> gaps = List.of("", " ", "   ", "\t", "\n  ", " \n\t");
        int layouts = 0;
        try (var files = Files.walk(ReferenceData.repositoryRoot().resolve("samples"))) {
            for (Path sample :
                    files.filter(f -> f.toString().endsWith(".lamina")).sorted().toList()) {
                String text = Files.readString(sample);
                List<Scanner.Token> tokens = Scanner.tokens(text);
                for (int round = 0; round < 20; round++) {
                    StringBuilder out =
                            new StringBuilder(text.substring(0, tokens.get(0).start()));
                    for (int i = 0; i < tokens.size(); i++) {
                        Scanner.Token token = tokens.get(i);
                        out.append(token.text());
                        int end = i + 1 < tokens.size() ? tokens.get(i + 1).start() : text.length();
                        String original = text.substring(token.end(), end);
                        boolean free = i + 1 < tokens.size()
                                && !original.contains("\n")
                                && !token.isComment()
                                && !tokens.get(i + 1).isComment();
                        String gap = free ? gaps.get(random.nextInt(gaps.size())) : original;
                        if (free && gap.isEmpty() && wordy(token) && wordy(tokens.get(i + 1))) {
                            gap = " ";
                        }
                        out.append(gap);
                    }
                    assertThat(format(out.toString()))
                            .as("%s laid out as\n%s", sample, out)
                            .isEqualTo(text);
                    layouts++;
                }
            }
        }
        assertThat(layouts).isGreaterThan(100);
    }

    private static boolean wordy(Scanner.Token token) {
        return token.kind() == Scanner.Kind.NAME || token.kind() == Scanner.Kind.NUMBER;
    }

    @Test
    void aFileWithSyntaxErrorsIsNotFormatted() {
        assertThat(Formatter.format("model M {\n  input [4]\n  dense(2\n}\n")).isEmpty();
        assertThat(Formatter.format("model M {\n  input [4] $\n  dense(2)\n}\n"))
                .isEmpty();
    }

    @Test
    void theServerReplacesTheWholeTextOnceAndThenHasNothingToChange() throws Exception {
        try (LspSession session = new LspSession(0)) {
            session.open("model M{input [4] dense(2)}");
            List<? extends TextEdit> edits = session.format();
            assertThat(edits).hasSize(1);
            assertThat(edits.get(0).getRange()).isEqualTo(LspSession.range(0, 0, 0, 27));
            assertThat(edits.get(0).getNewText()).isEqualTo("model M {\n  input [4]\n  dense(2)\n}\n");
            session.change(2, edits.get(0).getNewText());
            assertThat(session.format()).isEmpty();
            session.change(3, "model M {\n  input [4]\n  dense(2\n}\n");
            assertThat(session.format()).isEmpty();
        }
    }
}
