package dev.lamina.runtime.loss;

/** The row computation shared by the categorical crossentropies. */
final class NormalizedRows {
    private NormalizedRows() {}

    /**
     * Crossentropy of one row {@code p[o, o + n)} after normalizing it to sum 1 and clipping; writes
     * {@code scale} times its gradient into {@code grad[o, o + n)}.
     *
     * @param target the one-hot row starts at {@code targetOffset} in it, or null for a class index
     *     given as {@code targetOffset}
     */
    static double crossentropy(float[] p, int o, int n, float[] grad, double scale, float[] target, int targetOffset) {
        double total = 0;
        for (int j = 0; j < n; j++) {
            total += p[o + j];
        }
        double loss = 0;
        double weighted = 0; // sum_i g_i q_i, with g_i = dL/dq_i
        for (int j = 0; j < n; j++) {
            double t = target == null ? (j == targetOffset ? 1 : 0) : target[targetOffset + j];
            double q = p[o + j] / total;
            double c = Math.min(Math.max(q, Loss.EPSILON), 1 - Loss.EPSILON);
            loss -= t * Math.log(c);
            boolean clipped = q < Loss.EPSILON || q > 1 - Loss.EPSILON;
            double g = clipped ? 0 : -t / c;
            grad[o + j] = (float) g; // dL/dq for now
            weighted += g * q;
        }
        for (int j = 0; j < n; j++) {
            grad[o + j] = (float) (scale * (grad[o + j] - weighted) / total);
        }
        return loss;
    }
}
