package dev.lamina.keras;

import java.util.HexFormat;

/** The kinds of files Keras writes, told apart by their first bytes, never by their names. */
enum FileFormat {
    /** HDF5: {@code 89 48 44 46 0D 0A 1A 0A} (at offset 0, or 512, 1024, 2048 after a user block). */
    HDF5,
    /** A zip archive: {@code 50 4B 03 04} (Keras 3 {@code .keras}). */
    ZIP,
    /** JSON text: an object, after optional whitespace and byte-order mark ({@code model.to_json()}). */
    JSON;

    private static final byte[] HDF5_MAGIC = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    /** The format of {@code bytes}; {@code source} names the file in the error. */
    static FileFormat of(byte[] bytes, String source) throws KerasImportException {
        if (bytes.length == 0) {
            throw new KerasImportException(source + " is empty");
        }
        for (int offset : new int[] {0, 512, 1024, 2048}) {
            if (startsWith(bytes, offset, HDF5_MAGIC)) {
                return HDF5;
            }
        }
        if (startsWith(bytes, 0, ZIP_MAGIC)) {
            return ZIP;
        }
        int i = startsWith(bytes, 0, new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}) ? 3 : 0;
        while (i < bytes.length && Character.isWhitespace(bytes[i])) {
            i++;
        }
        if (i < bytes.length && bytes[i] == '{') {
            return JSON;
        }
        byte[] head = java.util.Arrays.copyOf(bytes, Math.min(8, bytes.length));
        throw new KerasImportException(source + " is not a Keras file: it starts with bytes "
                + HexFormat.ofDelimiter(" ").formatHex(head)
                + ", not those of an HDF5 file (.h5), a zip archive (.keras) or a model JSON");
    }

    private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
        if (bytes.length < offset + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
