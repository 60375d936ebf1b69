package dev.lamina.runtime.io;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a file completely or not at all: the bytes go to a temporary file in the same folder,
 * {@code .NAME.PID-STAMP.tmp}, which is then moved over the target in one step, keeping the usual
 * permissions. A failure leaves the old file and no temporary behind. A process killed mid-write
 * cannot clean up, so each write first deletes the temporaries of the same target left by processes
 * that no longer run (and those of older Lamina versions, named {@code .NAME.STAMP.tmp}).
 */
public final class AtomicFiles {
    private static final Pattern TEMPORARY = Pattern.compile("(?:(\\d{1,18})-)?[0-9a-f]{1,16}\\.tmp");

    private AtomicFiles() {}

    public static void write(Path file, byte[] bytes) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path parent = absolute.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        deleteStaleTemporaries(absolute);
        // Named by hand rather than Files.createTempFile, which would make the result owner-only.
        Path temp = absolute.resolveSibling(
                prefix(absolute) + ProcessHandle.current().pid() + "-" + Long.toHexString(System.nanoTime()) + ".tmp");
        try {
            Files.write(temp, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Deletes the temporaries of {@code file} whose writing process is gone; those of a process that
     * still runs (another Lamina writing the same file right now) are left alone.
     */
    static void deleteStaleTemporaries(Path file) throws IOException {
        String prefix = prefix(file);
        DirectoryStream.Filter<Path> ours = p -> p.getFileName().toString().startsWith(prefix)
                && p.getFileName().toString().endsWith(".tmp");
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(file.getParent(), ours)) {
            for (Path sibling : siblings) {
                String rest = sibling.getFileName().toString().substring(prefix.length());
                Matcher m = TEMPORARY.matcher(rest);
                if (m.matches() && (m.group(1) == null || !running(Long.parseLong(m.group(1))))) {
                    Files.deleteIfExists(sibling);
                }
            }
        }
    }

    private static String prefix(Path file) {
        return "." + file.getFileName() + ".";
    }

    private static boolean running(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
