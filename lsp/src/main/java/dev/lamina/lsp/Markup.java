package dev.lamina.lsp;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;

/**
 * Text for hovers and completion documentation: paragraphs whose first words may be emphasized,
 * and preformatted blocks; rendered as Markdown, or as plain text for clients without Markdown.
 */
final class Markup {
    private sealed interface Part permits Paragraph, Block {
        String render(boolean markdown);
    }

    private record Paragraph(String strong, String text) implements Part {
        @Override
        public String render(boolean markdown) {
            if (!markdown) {
                return strong + text;
            }
            return (strong.isEmpty() ? "" : "**" + escape(strong) + "**") + escape(text);
        }
    }

    private record Block(List<String> lines) implements Part {
        @Override
        public String render(boolean markdown) {
            String body = String.join("\n", lines);
            return markdown ? "```text\n" + body + "\n```" : body;
        }
    }

    private final List<Part> parts = new ArrayList<>();

    /**
     * Markdown-escapes text outside its {@code `code`} spans, so that shape arithmetic such as
     * {@code d1*d2*d3} is not read as emphasis; an underscore inside a word ({@code kernel_size})
     * cannot start emphasis and stays as it is.
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder();
        boolean code = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '`') {
                code = !code;
            } else if (!code && ("\\*<".indexOf(c) >= 0 || c == '_' && !insideWord(text, i))) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    private static boolean insideWord(String text, int i) {
        return i > 0
                && i + 1 < text.length()
                && Character.isLetterOrDigit(text.charAt(i - 1))
                && Character.isLetterOrDigit(text.charAt(i + 1));
    }

    /** A paragraph: {@code strong} in bold (Markdown), then {@code text}. */
    Markup paragraph(String strong, String text) {
        parts.add(new Paragraph(strong, text));
        return this;
    }

    Markup paragraph(String text) {
        return paragraph("", text);
    }

    /** Preformatted lines; nothing when there are none. */
    Markup block(List<String> lines) {
        if (!lines.isEmpty()) {
            parts.add(new Block(List.copyOf(lines)));
        }
        return this;
    }

    MarkupContent render(boolean markdown) {
        List<String> out = parts.stream().map(p -> p.render(markdown)).toList();
        return new MarkupContent(markdown ? MarkupKind.MARKDOWN : MarkupKind.PLAINTEXT, String.join("\n\n", out));
    }
}
