package dev.lamina.lsp;

import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * Workspace notifications, which the server does not need: it has no settings, and each document
 * is compiled on its own from the text the client sends.
 */
final class LaminaWorkspaceService implements WorkspaceService {
    @Override
    public void didChangeConfiguration(DidChangeConfigurationParams params) {
        // no settings
    }

    @Override
    public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
        // open documents come from the client; files on disk are not read
    }
}
