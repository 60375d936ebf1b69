package dev.lamina.keras;

import java.util.HashMap;
import java.util.Map;

/** Each corpus case imported once per test JVM, with the outcome: imported, unsupported or refused. */
final class CorpusImports {
    /** What importing a case's model file gave. */
    sealed interface Outcome {}

    record Imported(ImportedModel model) implements Outcome {}

    record Unsupported(UnsupportedKerasException error) implements Outcome {}

    record Refused(KerasImportException error) implements Outcome {}

    private static final Map<String, Outcome> OUTCOMES = new HashMap<>();

    private CorpusImports() {}

    static synchronized Outcome of(KerasCase c) {
        return OUTCOMES.computeIfAbsent(c.dir().toString(), k -> importCase(c));
    }

    private static Outcome importCase(KerasCase c) {
        try {
            return new Imported(KerasImporter.importModel(c.modelFile(), null));
        } catch (UnsupportedKerasException e) {
            return new Unsupported(e);
        } catch (KerasImportException e) {
            return new Refused(e);
        }
    }
}
