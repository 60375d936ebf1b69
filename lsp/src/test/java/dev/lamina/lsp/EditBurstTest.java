package dev.lamina.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.junit.jupiter.api.Test;

/** A burst of edits ends with the diagnostics of its last version, and requests see the newest text. */
class EditBurstTest {
    /** Version {@code v} of a file typed one character at a time: its last layer's kernel is v steps long. */
    private static String version(int v) {
        return "model M {\n  input [50, 1]\n  conv1d(4, " + v + ")\n}\n";
    }

    @Test
    void aBurstOfAHundredEditsPublishesTheLastVersionsDiagnosticsLast() throws Exception {
        for (long debounce : new long[] {0, LanguageServerRunner.DEBOUNCE_MILLIS}) {
            try (LspSession session = new LspSession(debounce)) {
                session.open(LspSession.URI, 1, version(1));
                for (int v = 2; v <= 101; v++) {
                    // replace the kernel size: "1" -> "2" ... "100", as incremental edits
                    int digits = Integer.toString(v - 1).length();
                    session.edit(v, LspSession.range(2, 12, 2, 12 + digits), Integer.toString(v));
                }
                PublishDiagnosticsParams last = session.diagnostics(101);
                assertThat(last.getDiagnostics())
                        .extracting(d -> d.getCode().getLeft() + " "
                                + d.getRange().getStart().getLine())
                        .containsExactly("LAM021 2");
                assertThat(last.getDiagnostics().get(0).getMessage())
                        .startsWith("conv1d output would have -50 steps: floor((50 - 101) / 1) + 1 = -50");
                // whatever was published before came in version order, and nothing comes after
                List<PublishDiagnosticsParams> later = new ArrayList<>();
                PublishDiagnosticsParams more = session.published.poll(200, TimeUnit.MILLISECONDS);
                while (more != null) {
                    later.add(more);
                    more = session.published.poll(200, TimeUnit.MILLISECONDS);
                }
                assertThat(later).as("debounce %d ms", debounce).isEmpty();
                assertThat(session.hover(2, 3).getContents().getRight().getValue())
                        .startsWith("**conv1d** (Conv1D): no shape");
            }
        }
    }

    @Test
    void publishedVersionsNeverGoBackwards() throws Exception {
        try (LspSession session = new LspSession(0)) {
            session.open(LspSession.URI, 1, version(1));
            for (int v = 2; v <= 101; v++) {
                session.change(v, version(v));
            }
            List<Integer> versions = new ArrayList<>();
            PublishDiagnosticsParams params;
            do {
                params = session.published.poll(30, TimeUnit.SECONDS);
                assertThat(params).isNotNull();
                versions.add(params.getVersion());
            } while (params.getVersion() != 101);
            assertThat(versions).isSorted().doesNotHaveDuplicates().endsWith(101);
        }
    }

    @Test
    void aRequestRightAfterAnEditAnswersForTheEditedText() throws Exception {
        try (LspSession session = new LspSession(10_000)) {
            session.open(LspSession.URI, 1, version(3));
            session.change(2, version(5));
            assertThat(session.hover(2, 3).getContents().getRight().getValue())
                    .startsWith("**conv1d** (Conv1D): (50, 1) -> (46, 4), 24 parameters");
        }
    }
}
