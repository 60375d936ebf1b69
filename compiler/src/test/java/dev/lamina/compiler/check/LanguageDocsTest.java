package dev.lamina.compiler.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamina.compiler.diag.ErrorCode;
import dev.lamina.runtime.golden.ReferenceData;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * docs/language.md stays the reference: it names every diagnostic id and documents every layer kind;
 * and every diagnostic has a real message template.
 */
class LanguageDocsTest {
    private static String docs() throws IOException {
        return Files.readString(ReferenceData.repositoryRoot().resolve("docs").resolve("language.md"));
    }

    @Test
    void everyDiagnosticIdIsListed() throws IOException {
        String docs = docs();
        assertThat(Arrays.stream(ErrorCode.values()).map(ErrorCode::id))
                .allSatisfy(id ->
                        assertThat(docs).as("docs/language.md lists %s", id).contains("| " + id + " |"));
    }

    @Test
    void everyMessageTemplateSaysWhatWentWrong() {
        assertThat(ErrorCode.values()).allSatisfy(code -> assertThat(
                        code.template().replace("%s", "").replaceAll("%d", "").strip())
                .as("template of %s", code.id())
                .hasSizeGreaterThan(10));
    }

    @Test
    void everyLayerKindHasAHeading() throws IOException {
        String docs = docs();
        assertThat(Catalog.LAYERS.keySet()).allSatisfy(type -> assertThat(docs)
                .as("docs/language.md documents %s", type)
                .containsPattern("(?m)^### .*`" + type + "[`(]"));
    }
}
