/**
 * The Lamina language server: live diagnostics from the compiler's checker, hovers with shapes,
 * parameter counts and derivations, completion, navigation of tensor names, the outline and
 * formatting for {@code .lamina} files, over the Language Server Protocol (Eclipse LSP4J).
 * {@link dev.lamina.lsp.LanguageServerRunner} runs it on a pair of streams; {@code lamina lsp}
 * runs it on standard input and output.
 */
package dev.lamina.lsp;
