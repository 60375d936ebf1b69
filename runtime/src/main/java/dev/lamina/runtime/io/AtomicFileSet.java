package dev.lamina.runtime.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes several files all or nothing. Every file is first written to a hidden temporary file next
 * to its target, and each existing target is copied aside; only then are the temporaries moved over
 * their targets, each in one step. When a write or a move fails, the targets already replaced get
 * their old content back, new targets are removed, folders created for them are removed again, and
 * the exception is rethrown: every target is as it was. No temporary file is left behind either
 * way, and a crash midway leaves each target whole (old or new).
 */
public final class AtomicFileSet {
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private AtomicFileSet() {}

    /** Writes {@code files} (target to content), replacing existing files, all or none. */
    public static void write(Map<Path, byte[]> files) throws IOException {
        List<Path> targets = new ArrayList<>();
        List<Path> temporaries = new ArrayList<>();
        List<Path> backups = new ArrayList<>();
        List<Path> createdFolders = new ArrayList<>();
        int moved = 0;
        try {
            for (Map.Entry<Path, byte[]> file : files.entrySet()) {
                Path target = file.getKey().toAbsolutePath();
                targets.add(target);
                createFolders(target.getParent(), createdFolders);
                Path temporary = sibling(target);
                temporaries.add(temporary);
                Files.write(temporary, file.getValue(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            }
            for (Path target : targets) {
                Path backup = null;
                if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
                    backup = sibling(target);
                    Files.copy(target, backup, StandardCopyOption.COPY_ATTRIBUTES);
                }
                backups.add(backup);
            }
            for (; moved < targets.size(); moved++) {
                Files.move(
                        temporaries.get(moved),
                        targets.get(moved),
                        StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException | RuntimeException e) {
            for (int i = moved - 1; i >= 0; i--) {
                restore(targets.get(i), backups.get(i), e);
            }
            deleteAll(temporaries, e);
            deleteAll(backups, e);
            for (int i = createdFolders.size() - 1; i >= 0; i--) {
                delete(createdFolders.get(i), e);
            }
            throw e;
        }
        deleteAll(backups, null);
    }

    /** Puts {@code backup} back over {@code target}, or removes {@code target} when it is new. */
    private static void restore(Path target, Path backup, Exception failure) {
        try {
            if (backup != null) {
                Files.move(backup, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.deleteIfExists(target);
            }
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    private static void deleteAll(List<Path> paths, Exception failure) {
        for (Path path : paths) {
            if (path != null) {
                delete(path, failure);
            }
        }
    }

    /** Deletes {@code path} if it exists; a problem is added to {@code failure}, or ignored without one. */
    private static void delete(Path path, Exception failure) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            if (failure != null) {
                failure.addSuppressed(e);
            }
        }
    }

    /** Creates {@code folder} and its missing parents, recording each one created, outermost first. */
    private static void createFolders(Path folder, List<Path> created) throws IOException {
        if (folder == null || Files.isDirectory(folder)) {
            return;
        }
        createFolders(folder.getParent(), created);
        Files.createDirectory(folder);
        created.add(folder);
    }

    /** A hidden name next to {@code target} that no other file has. */
    private static Path sibling(Path target) {
        return target.resolveSibling("." + target.getFileName() + "." + Long.toHexString(System.nanoTime()) + "-"
                + SEQUENCE.incrementAndGet() + ".tmp");
    }
}
