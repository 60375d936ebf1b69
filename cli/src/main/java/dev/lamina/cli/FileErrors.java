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
            throw new IllegalArgumentException(what + " " + file + ": the folder " + folder
                    + (Files.exists(folder) ? " is a file" : " does not exist"));
        }
    }

    /**
     * Checks, before any long work, that {@code file} can be written: it is no folder, and its folder
     * exists and takes new files. {@code example} is a file name to suggest when {@code file} is a
     * folder, e.g. {@code model.weights}.
     */
    static void checkWritableFile(String what, Path file, String example) {
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(
                    what + " " + file + ": is a folder; name a file in it, e.g. " + file.resolve(example));
        }
        checkFolderExists(what, file);
        Path folder = file.toAbsolutePath().getParent();
        if (Files.exists(file) && !Files.isWritable(file)) {
            throw new IllegalArgumentException(what + " " + file + ": permission denied");
        }
        probe(what, file, folder);
    }

    /** Checks, before any long work, that {@code folder} is or can be made a folder that takes new files; creates it. */
    static void checkWritableFolder(String what, Path folder) {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new IllegalArgumentException(what + " " + folder + ": is a file, not a folder");
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw of(what, folder, e);
        }
        probe(what, folder, folder.toAbsolutePath());
    }

    /** Creates and deletes a file in {@code folder}: the one sure test that it can be written. */
    private static void probe(String what, Path shown, Path folder) {
        try {
            Files.delete(Files.createTempFile(folder, ".lamina-", ".probe"));
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    what + " " + shown + ": cannot write in the folder " + folder + " (" + reason(e) + ")");
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
