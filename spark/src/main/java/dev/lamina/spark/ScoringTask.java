package dev.lamina.spark;

import dev.lamina.runtime.Model;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import scala.collection.immutable.ArraySeq;

/**
 * Scores one partition: reads rows into batches of up to {@code batchSize} examples (a batch also
 * ends where the length of an input of unknown length changes), runs the thread's model on each
 * and emits each row with its prediction appended, in order.
 */
final class ScoringTask implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    private final ModelSource source;
    private final Broadcast<WeightsSnapshot> weights;
    private final ExampleReader reader;
    private final int batchSize;

    ScoringTask(ModelSource source, Broadcast<WeightsSnapshot> weights, ExampleReader reader, int batchSize) {
        this.source = source;
        this.weights = weights;
        this.reader = reader;
        this.batchSize = batchSize;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        TaskContext task = TaskContext.get();
        int partition = task == null ? 0 : task.partitionId();
        return new ScoredRows(rows, partition);
    }

    private final class ScoredRows implements Iterator<Row> {
        private final Iterator<Row> rows;
        private final int partition;
        private final ArrayDeque<Row> ready = new ArrayDeque<>();
        private long rowNumber;
        private Row pendingRow;
        private float[][] pendingInputs;

        ScoredRows(Iterator<Row> rows, int partition) {
            this.rows = rows;
            this.partition = partition;
        }

        @Override
        public boolean hasNext() {
            if (ready.isEmpty()) {
                scoreNextBatch();
            }
            return !ready.isEmpty();
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return ready.poll();
        }

        private void scoreNextBatch() {
            List<Row> batchRows = new ArrayList<>(batchSize);
            List<float[][]> batchInputs = new ArrayList<>(batchSize);
            if (pendingRow != null) {
                batchRows.add(pendingRow);
                batchInputs.add(pendingInputs);
                pendingRow = null;
            }
            while (batchRows.size() < batchSize && rows.hasNext()) {
                Row row = rows.next();
                float[][] inputs;
                try {
                    inputs = reader.inputs(row);
                } catch (BadValueException e) {
                    throw new IllegalArgumentException(
                            new RowProblem(partition, rowNumber, -1, e.getMessage()).toString());
                }
                rowNumber++;
                if (!batchInputs.isEmpty() && !sameLengths(batchInputs.get(0), inputs)) {
                    pendingRow = row;
                    pendingInputs = inputs;
                    break;
                }
                batchRows.add(row);
                batchInputs.add(inputs);
            }
            if (batchRows.isEmpty()) {
                return;
            }
            int batch = batchRows.size();
            float[][] x = new float[reader.inputCount()][];
            for (int k = 0; k < x.length; k++) {
                int size = batchInputs.get(0)[k].length;
                x[k] = new float[batch * size];
                for (int e = 0; e < batch; e++) {
                    System.arraycopy(batchInputs.get(e)[k], 0, x[k], e * size, size);
                }
            }
            Model model = ExecutorModels.forThisThread(source, weights.value());
            float[] y = ModelInputs.predict(model, x, batch);
            int outSize = y.length / batch;
            for (int e = 0; e < batch; e++) {
                Row row = batchRows.get(e);
                Object[] values = new Object[row.length() + 1];
                for (int i = 0; i < row.length(); i++) {
                    values[i] = row.get(i);
                }
                // A Scala sequence, as Spark gives array values to Row readers (row.getList works).
                values[row.length()] = ArraySeq.unsafeWrapArray(Arrays.copyOfRange(y, e * outSize, (e + 1) * outSize));
                ready.add(RowFactory.create(values));
            }
        }

        private boolean sameLengths(float[][] a, float[][] b) {
            for (int k = 0; k < a.length; k++) {
                if (a[k].length != b[k].length) {
                    return false;
                }
            }
            return true;
        }
    }
}
