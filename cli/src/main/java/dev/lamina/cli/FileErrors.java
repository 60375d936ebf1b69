package dev.lamina.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/** Turns an I/O failure into a one-line message naming what was being done and why it failed. */
final class FileErrors {
    private FileErrors() {}

    /** {@code what + " " + file + ": " + reason}, e.g. {@code --weights w.bin: no such file}. */
    static IllegalArgumentException of(String what, Path file, IOException e) {
        return of(what, file, e, "");
    }

    /** {@code what + " " + file + ": " + reason + outcome}, e.g. {@code ...: permission denied; nothing was changed}. */
    static IllegalArgumentException of(String what, Path file, IOException e, String outcome) {
        return new IllegalArgumentException(what + " " + file + ": " + reason(e) + outcome);
    }

    /**
     * Checks, before any long work, that {@code file} can be created: its folder must exist. The
     * message starts with {@code what}, e.g. {@code --save}.
     */
    static void checkFolderExists(String what, Path file) {
        Path folder = file.toAbsolutePath().getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw new IllegalArgumentException(what + " " + file + ": the folder " + folder + " does not exist");
        }
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file is in the way (" + e.getMessage() + ")";
        }
        if (e instanceof NotDirectoryException) {
            return "not a folder (" + e.getMessage() + ")";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
