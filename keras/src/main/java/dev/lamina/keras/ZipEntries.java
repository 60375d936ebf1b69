package dev.lamina.keras;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Reads named entries of a zip archive held in memory, with the JDK's zip support. */
final class ZipEntries {
    /** No entry of a model archive Lamina can use comes near this size. */
    private static final int MAX_ENTRY_BYTES = Integer.MAX_VALUE - 16;

    /** The end of central directory record: its signature, and its size without the trailing comment. */
    private static final byte[] END_SIGNATURE = {'P', 'K', 5, 6};

    private static final int END_RECORD_BYTES = 22;

    private ZipEntries() {}

    /** Whether the archive ends with its end record (followed by a comment of at most 64 KiB). */
    private static boolean hasEndRecord(byte[] archive) {
        int lowest = Math.max(0, archive.length - END_RECORD_BYTES - 0xffff);
        for (int i = archive.length - END_RECORD_BYTES; i >= lowest; i--) {
            if (archive[i] == END_SIGNATURE[0]
                    && archive[i + 1] == END_SIGNATURE[1]
                    && archive[i + 2] == END_SIGNATURE[2]
                    && archive[i + 3] == END_SIGNATURE[3]) {
                int commentLength = (archive[i + 20] & 0xff) | (archive[i + 21] & 0xff) << 8;
                return i + END_RECORD_BYTES + commentLength == archive.length;
            }
        }
        return false;
    }

    /** The entries of {@code archive} whose names are in {@code wanted}; others are skipped. */
    static Map<String, byte[]> read(byte[] archive, String source, Set<String> wanted) throws KerasImportException {
        if (!hasEndRecord(archive)) {
            throw new KerasImportException(
                    source + " is corrupt or truncated: the zip archive has no end of" + " central directory record");
        }
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (wanted.contains(entry.getName()) && !entry.isDirectory()) {
                    byte[] bytes = zip.readNBytes(MAX_ENTRY_BYTES);
                    if (entry.getSize() >= 0 && bytes.length != entry.getSize()) {
                        throw new KerasImportException(source + " is corrupt or truncated: its entry " + entry.getName()
                                + " has " + bytes.length + " of " + entry.getSize() + " bytes");
                    }
                    entries.put(entry.getName(), bytes);
                }
            }
        } catch (IOException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new KerasImportException(
                    source + " is corrupt or truncated: reading the zip archive failed (" + reason + ")", e);
        }
        return entries;
    }
}
