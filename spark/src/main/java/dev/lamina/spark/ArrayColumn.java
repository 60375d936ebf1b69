package dev.lamina.spark;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StructType;

/**
 * One numeric column read into floats: an array of numbers (float, double, int, long, short,
 * byte), or, where {@code scalarAllowed}, a single number. Every value must be present and finite.
 */
final class ArrayColumn implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final int field;
    private final boolean array;

    private ArrayColumn(String name, int field, boolean array) {
        this.name = name;
        this.field = field;
        this.array = array;
    }

    /**
     * Column {@code name} of {@code schema}, checked for its type.
     *
     * @param role what the column is for, in messages (e.g. "the model's input")
     * @throws IllegalArgumentException when there is no such column or it holds something else
     */
    static ArrayColumn of(StructType schema, String name, String role, boolean scalarAllowed) {
        int field = fieldIndex(schema, name);
        DataType type = schema.fields()[field].dataType();
        if (type instanceof ArrayType arrayType && isNumber(arrayType.elementType())) {
            return new ArrayColumn(name, field, true);
        }
        if (scalarAllowed && isNumber(type)) {
            return new ArrayColumn(name, field, false);
        }
        throw new IllegalArgumentException("column " + name + " is " + type.simpleString() + "; " + role
                + " needs an array of numbers (e.g. array<float>)" + (scalarAllowed ? " or a number" : ""));
    }

    static int fieldIndex(StructType schema, String name) {
        for (int i = 0; i < schema.fields().length; i++) {
            if (schema.fields()[i].name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException(
                "the data has no column " + name + "; its columns are " + List.of(schema.fieldNames()));
    }

    private static boolean isNumber(DataType type) {
        return type instanceof FloatType
                || type instanceof DoubleType
                || type instanceof IntegerType
                || type instanceof LongType
                || type instanceof ShortType
                || type instanceof ByteType;
    }

    String name() {
        return name;
    }

    /**
     * The values of this column in {@code row}, each checked to be finite. An array arrives as a
     * Scala sequence (read straight from the array it wraps, when it wraps one) or a Java list, or,
     * when Spark hands over a row another function built without converting it, as the Java array
     * that function put in it.
     */
    float[] read(Row row) throws BadValueException {
        if (row.isNullAt(field)) {
            throw new BadValueException("column " + name + " is null");
        }
        Object value = row.get(field);
        if (!array) {
            return new float[] {finite(value, 0)};
        }
        if (value instanceof scala.collection.immutable.ArraySeq<?> seq) {
            value = seq.unsafeArray(); // the array it wraps, primitive or not
        } else if (value instanceof scala.collection.mutable.ArraySeq<?> seq) {
            value = seq.array();
        }
        if (value instanceof float[] floats) {
            for (int i = 0; i < floats.length; i++) {
                finite(floats[i], i);
            }
            return floats.clone();
        }
        if (value instanceof double[] doubles) {
            float[] values = new float[doubles.length];
            for (int i = 0; i < values.length; i++) {
                values[i] = finite(doubles[i], i);
            }
            return values;
        }
        if (value instanceof int[] ints) {
            float[] values = new float[ints.length];
            for (int i = 0; i < values.length; i++) {
                values[i] = ints[i];
            }
            return values;
        }
        if (value instanceof long[] longs) {
            float[] values = new float[longs.length];
            for (int i = 0; i < values.length; i++) {
                values[i] = longs[i];
            }
            return values;
        }
        List<?> list = value instanceof Object[] objects
                ? Arrays.asList(objects)
                : value instanceof List<?> javaList ? javaList : row.getList(field);
        float[] values = new float[list.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = finite(list.get(i), i);
        }
        return values;
    }

    private float finite(Object value, int position) throws BadValueException {
        if (value == null) {
            throw new BadValueException("column " + name + " has a null at position " + position);
        }
        return finite(((Number) value).doubleValue(), position);
    }

    private float finite(double value, int position) throws BadValueException {
        float f = (float) value;
        if (!Float.isFinite(f)) {
            throw new BadValueException("column " + name + " has " + f + " at position " + position
                    + (Double.isFinite(value) ? " (" + value + " is out of float range)" : ""));
        }
        return f;
    }
}
