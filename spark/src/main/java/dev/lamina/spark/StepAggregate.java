package dev.lamina.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What the tasks of one step send back and combine: the shards' gradients in a {@link
 * GradientTree}, the counts for training accuracy, and the problems of malformed rows (the first
 * {@link #KEPT_PROBLEMS} in example order, and how many there were).
 */
final class StepAggregate implements Serializable {
    private static final long serialVersionUID = 1L;

    /** How many problems are kept for the report. */
    static final int KEPT_PROBLEMS = 20;

    private final GradientTree tree;
    private final List<RowProblem> problems = new ArrayList<>();
    private long problemCount;
    private long correct;
    private long judged;

    StepAggregate(int shards) {
        this.tree = new GradientTree(shards);
    }

    void addShard(int shard, float[] gradient, double loss, long correctCount, long judgedCount) {
        tree.add(shard, gradient, loss);
        correct += correctCount;
        judged += judgedCount;
    }

    void addProblems(List<RowProblem> found) {
        problems.addAll(found);
        problemCount += found.size();
        trim();
    }

    /** This aggregate with {@code other} added into it. */
    StepAggregate merge(StepAggregate other) {
        tree.merge(other.tree);
        correct += other.correct;
        judged += other.judged;
        problems.addAll(other.problems);
        problemCount += other.problemCount;
        trim();
        return this;
    }

    private void trim() {
        problems.sort(java.util.Comparator.comparingLong(RowProblem::example));
        while (problems.size() > KEPT_PROBLEMS) {
            problems.remove(problems.size() - 1);
        }
    }

    GradientTree tree() {
        return tree;
    }

    List<RowProblem> problems() {
        return List.copyOf(problems);
    }

    long problemCount() {
        return problemCount;
    }

    long correct() {
        return correct;
    }

    long judged() {
        return judged;
    }
}
