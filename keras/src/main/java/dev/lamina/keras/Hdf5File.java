package dev.lamina.keras;

import dev.lamina.runtime.io.NdArray;
import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Read access to an HDF5 file through jHDF (pure Java), held in memory. Every failure of the
 * library on a corrupt or truncated file becomes a {@link KerasImportException} naming the file
 * and the object being read, never a stack trace.
 */
final class Hdf5File implements AutoCloseable {
    private final HdfFile file;
    private final String source;

    private Hdf5File(HdfFile file, String source) {
        this.file = file;
        this.source = source;
    }

    /** Opens the bytes of an HDF5 file; {@code source} names it in messages. */
    static Hdf5File open(byte[] bytes, String source) throws KerasImportException {
        try {
            HdfFile file = HdfFile.fromByteBuffer(ByteBuffer.wrap(bytes));
            Hdf5File h5 = new Hdf5File(file, source);
            h5.read("", () -> file.getChildren().size());
            return h5;
        } catch (RuntimeException e) {
            throw corrupt(source, "its superblock", e);
        }
    }

    /** The name of the file in messages. */
    String source() {
        return source;
    }

    /** Whether a group exists at {@code path} ("" is the root). */
    boolean isGroup(String path) throws KerasImportException {
        return read(path, () -> {
            Node node = node(path);
            return node != null && node.isGroup();
        });
    }

    /** The names of the children of the group at {@code path}, sorted as the file lists them. */
    List<String> children(String path) throws KerasImportException {
        return read(path, () -> {
            Node node = node(path);
            if (node == null || !node.isGroup()) {
                return List.of();
            }
            return new ArrayList<>(((Group) node).getChildren().keySet());
        });
    }

    /** A scalar string attribute of the object at {@code path}, if present. */
    Optional<String> stringAttribute(String path, String name) throws KerasImportException {
        Object data = attribute(path, name);
        if (data == null) {
            return Optional.empty();
        }
        if (data instanceof String s) {
            return Optional.of(s);
        }
        if (data.getClass().isArray() && Array.getLength(data) == 1 && Array.get(data, 0) instanceof String s) {
            return Optional.of(s);
        }
        throw new KerasImportException(source + ": attribute " + name + " of " + where(path)
                + " is not a string (it holds " + data.getClass().getSimpleName() + ")");
    }

    /**
     * A string-array attribute (fixed-length or variable-length strings); an empty array of another
     * type (Keras 2.0.8 writes an empty float64 array for a layer without weights) is empty.
     */
    Optional<List<String>> stringListAttribute(String path, String name) throws KerasImportException {
        Object data = attribute(path, name);
        if (data == null) {
            return Optional.empty();
        }
        if (data instanceof String s) {
            return Optional.of(List.of(s));
        }
        if (data.getClass().isArray()) {
            int length = Array.getLength(data);
            List<String> values = new ArrayList<>(length);
            for (int i = 0; i < length; i++) {
                Object value = Array.get(data, i);
                if (!(value instanceof String s)) {
                    throw new KerasImportException(
                            source + ": attribute " + name + " of " + where(path) + " is not a list of strings");
                }
                values.add(s);
            }
            return Optional.of(Collections.unmodifiableList(values));
        }
        throw new KerasImportException(
                source + ": attribute " + name + " of " + where(path) + " is not a list of strings");
    }

    /** The float tensor stored at {@code path} (float32, float64 or float16 values). */
    NdArray dataset(String path) throws KerasImportException {
        return read(path, () -> {
            Node node = node(path);
            if (!(node instanceof Dataset dataset)) {
                throw new Problem("there is no dataset /" + path);
            }
            int[] shape = dataset.isScalar() ? new int[0] : dataset.getDimensions();
            Object flat = dataset.isEmpty() ? new float[0] : dataset.getDataFlat();
            return new NdArray(shape, floats(flat, path));
        });
    }

    @Override
    public void close() {
        file.close();
    }

    private Object attribute(String path, String name) throws KerasImportException {
        return read(path, () -> {
            Node node = node(path);
            if (node == null) {
                return null;
            }
            Attribute attribute = node.getAttribute(name);
            if (attribute == null) {
                return null;
            }
            return attribute.isEmpty() ? new String[0] : attribute.getData();
        });
    }

    /** The object at {@code path}, or null: walks the groups (jHDF's own path lookup fails in memory). */
    private Node node(String path) {
        Node node = file;
        if (path.isEmpty()) {
            return node;
        }
        for (String part : path.split("/")) {
            if (!(node instanceof Group group)) {
                return null;
            }
            node = group.getChildren().get(part);
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    private float[] floats(Object flat, String path) {
        if (flat instanceof float[] f) {
            return f;
        }
        if (flat instanceof double[] d) {
            float[] f = new float[d.length];
            for (int i = 0; i < d.length; i++) {
                f[i] = (float) d[i];
            }
            return f;
        }
        throw new Problem("the dataset /" + path + " holds "
                + flat.getClass().getComponentType().getSimpleName() + " values, not floats");
    }

    private <T> T read(String path, Reading<T> reading) throws KerasImportException {
        try {
            return reading.run();
        } catch (Problem e) {
            throw new KerasImportException(source + ": " + e.getMessage());
        } catch (RuntimeException e) {
            throw corrupt(source, where(path), e);
        }
    }

    private static String where(String path) {
        return path.isEmpty() ? "the root group" : "/" + path;
    }

    private static KerasImportException corrupt(String source, String what, RuntimeException e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new KerasImportException(
                source + " is corrupt or truncated: reading " + what + " of the HDF5 file failed (" + reason + ")", e);
    }

    /** A structural problem found while reading (not a failure of the library). */
    private static final class Problem extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Problem(String message) {
            super(message);
        }
    }

    /** One read through jHDF. */
    private interface Reading<T> {
        T run();
    }
}
