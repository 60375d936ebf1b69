package dev.lamina.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;

/**
 * Turns the rows of a training set into {@link Example}s: the input and target columns read and
 * checked (a malformed row becomes an example that carries its problem), numbered by the index
 * column or by the data set's order, each with its partition and row number.
 */
final class ExampleRows {
    private ExampleRows() {}

    /**
     * The columns Lamina reads, in this order: the inputs, the target, and the index when there is
     * one.
     */
    static Dataset<Row> select(Dataset<Row> data, List<String> inputs, String label, String index) {
        List<String> names = new ArrayList<>(inputs);
        names.add(label);
        if (index != null) {
            StructType schema = data.schema();
            DataType type = schema.fields()[ArrayColumn.fieldIndex(schema, index)].dataType();
            if (!(type instanceof LongType
                    || type instanceof IntegerType
                    || type instanceof ShortType
                    || type instanceof ByteType)) {
                throw new IllegalArgumentException("the index column " + index + " is " + type.simpleString()
                        + "; it must hold whole numbers (bigint or int)");
            }
            names.add(index);
        }
        return data.select(names.stream().map(Column::new).toArray(Column[]::new));
    }

    /** The examples of {@code selected} (from {@link #select}), read by {@code reader}. */
    static JavaRDD<Example> read(Dataset<Row> selected, ExampleReader reader, boolean indexed) {
        int indexField = reader.inputCount() + 1;
        JavaRDD<Row> rows = selected.javaRDD();
        if (indexed) {
            return rows.mapPartitionsWithIndex(
                    (partition, it) -> new Examples<>(it, partition, reader, row -> row, row -> index(row, indexField)),
                    true);
        }
        return rows.zipWithIndex()
                .mapPartitionsWithIndex(
                        (partition, it) ->
                                new Examples<Tuple2<Row, Long>>(it, partition, reader, Tuple2::_1, Tuple2::_2),
                        true);
    }

    private static long index(Row row, int field) {
        return row.isNullAt(field) ? -1 : ((Number) row.get(field)).longValue();
    }

    /**
     * Fails before the first step when an index is null or outside {@code [0, count)}.
     *
     * @throws MalformedRowsException listing the first such rows
     */
    static void checkIndexes(JavaRDD<Example> examples, long count, String column) {
        JavaRDD<Example> outside = examples.filter(e -> e.index() < 0 || e.index() >= count);
        List<Example> first = outside.take(StepAggregate.KEPT_PROBLEMS);
        if (first.isEmpty()) {
            return;
        }
        List<RowProblem> problems = new ArrayList<>();
        for (Example e : first) {
            String problem = e.index() < 0
                    ? "the index column " + column + " is " + (e.index() == -1 ? "null or " : "") + e.index()
                    : "index " + e.index();
            problems.add(new RowProblem(
                    e.partition(),
                    e.row(),
                    -1,
                    problem + "; the index column must number the " + count + " examples 0.." + (count - 1)
                            + ", each once"));
        }
        throw new MalformedRowsException("before the first step", problems, outside.count());
    }

    /** Reads the rows of one partition lazily. */
    private static final class Examples<T> implements Iterator<Example> {
        private final Iterator<T> rows;
        private final int partition;
        private final ExampleReader reader;
        private final java.util.function.Function<T, Row> row;
        private final java.util.function.ToLongFunction<T> index;
        private long number;

        Examples(
                Iterator<T> rows,
                int partition,
                ExampleReader reader,
                java.util.function.Function<T, Row> row,
                java.util.function.ToLongFunction<T> index) {
            this.rows = rows;
            this.partition = partition;
            this.reader = reader;
            this.row = row;
            this.index = index;
        }

        @Override
        public boolean hasNext() {
            return rows.hasNext();
        }

        @Override
        public Example next() {
            T next = rows.next();
            Row r = row.apply(next);
            long i = index.applyAsLong(next);
            long rowNumber = number++;
            try {
                return new Example(i, reader.inputs(r), reader.target(r), partition, rowNumber, null);
            } catch (BadValueException e) {
                return new Example(i, null, null, partition, rowNumber, e.getMessage());
            }
        }
    }
}
