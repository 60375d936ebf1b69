package dev.lamina.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.lamina.compiler.check.LanguageCatalog;
import dev.lamina.runtime.golden.ReferenceData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The VS Code extension's TextMate grammar names the compiler's layers and values (its scopes are
 * tested with npm tools by {@code editors/vscode/build}); its manifest points at files that exist.
 */
class VsCodeGrammarTest {
    private static final Path EXTENSION =
            ReferenceData.repositoryRoot().resolve("editors").resolve("vscode");

    private static JsonObject json(Path file) throws Exception {
        return JsonParser.parseString(Files.readString(file)).getAsJsonObject();
    }

    /** The words of every {@code \b(?:a|b|c)\b} pattern of the grammar with this scope name. */
    private static Set<String> words(JsonElement node, String scope) {
        Set<String> found = new TreeSet<>();
        collect(node, scope, found);
        return found;
    }

    private static void collect(JsonElement node, String scope, Set<String> found) {
        if (node.isJsonObject()) {
            JsonObject object = node.getAsJsonObject();
            if (object.has("name") && object.get("name").getAsString().equals(scope) && object.has("match")) {
                Matcher m = Pattern.compile("\\\\b\\(\\?:([a-z0-9_|]+)\\)\\\\b")
                        .matcher(object.get("match").getAsString());
                assertThat(m.matches()).as(object.get("match").getAsString()).isTrue();
                found.addAll(List.of(m.group(1).split("\\|")));
            }
            object.entrySet().forEach(e -> collect(e.getValue(), scope, found));
        } else if (node.isJsonArray()) {
            node.getAsJsonArray().forEach(e -> collect(e, scope, found));
        }
    }

    @Test
    void theGrammarKnowsExactlyTheCompilersLayersActivationsAndPaddings() throws Exception {
        JsonObject grammar = json(EXTENSION.resolve("syntaxes").resolve("lamina.tmLanguage.json"));
        assertThat(grammar.get("scopeName").getAsString()).isEqualTo("source.lamina");
        assertThat(words(grammar, "support.function.layer.lamina"))
                .containsExactlyInAnyOrderElementsOf(LanguageCatalog.layers().stream()
                        .map(LanguageCatalog.Entry::name)
                        .toList());
        List<String> values = new ArrayList<>();
        LanguageCatalog.activations().forEach(c -> values.add(c.name()));
        LanguageCatalog.layer("conv1d")
                .orElseThrow()
                .option("padding")
                .orElseThrow()
                .choices()
                .forEach(c -> values.add(c.name()));
        assertThat(words(grammar, "support.constant.lamina")).containsExactlyInAnyOrderElementsOf(values);
    }

    @Test
    void theManifestDeclaresTheLanguageTheGrammarAndTheServerSetting() throws Exception {
        JsonObject manifest = json(EXTENSION.resolve("package.json"));
        JsonObject contributes = manifest.getAsJsonObject("contributes");
        JsonObject language = contributes.getAsJsonArray("languages").get(0).getAsJsonObject();
        assertThat(language.get("id").getAsString()).isEqualTo("lamina");
        assertThat(strings(language.getAsJsonArray("extensions"))).containsExactly(".lamina");
        assertThat(EXTENSION.resolve(language.get("configuration").getAsString()))
                .isRegularFile();
        JsonObject grammar = contributes.getAsJsonArray("grammars").get(0).getAsJsonObject();
        assertThat(grammar.get("scopeName").getAsString()).isEqualTo("source.lamina");
        assertThat(EXTENSION.resolve(grammar.get("path").getAsString())).isRegularFile();
        JsonObject path = contributes
                .getAsJsonObject("configuration")
                .getAsJsonObject("properties")
                .getAsJsonObject("lamina.server.path");
        assertThat(path.get("default").getAsString()).isEqualTo("lamina");
        assertThat(Files.readString(EXTENSION.resolve("extension.js"))).contains("'lsp'");
    }

    private static List<String> strings(JsonArray array) {
        List<String> out = new ArrayList<>();
        array.forEach(e -> out.add(e.getAsString()));
        return out;
    }
}
