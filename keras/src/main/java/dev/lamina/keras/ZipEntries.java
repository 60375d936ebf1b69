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

    private ZipEntries() {}

    /** The entries of {@code archive} whose names are in {@code wanted}; others are skipped. */
    static Map<String, byte[]> read(byte[] archive, String source, Set<String> wanted) throws KerasImportException {
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
