package dev.lamina.lsp;

import java.util.List;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;

/** The text of an open document at one version, as the client sent it. */
record TextDocument(String uri, int version, String text) {
    /**
     * This document after {@code changes}, applied in order: a change with a range replaces that
     * range (positions in UTF-16 units, as the protocol counts them), one without replaces the text.
     */
    TextDocument apply(int newVersion, List<TextDocumentContentChangeEvent> changes) {
        String updated = text;
        for (TextDocumentContentChangeEvent change : changes) {
            if (change.getRange() == null) {
                updated = change.getText();
            } else {
                LineMap lines = new LineMap(updated);
                int start = lines.offset(change.getRange().getStart());
                int end = Math.max(start, lines.offset(change.getRange().getEnd()));
                updated = updated.substring(0, start) + change.getText() + updated.substring(end);
            }
        }
        return new TextDocument(uri, newVersion, updated);
    }
}
