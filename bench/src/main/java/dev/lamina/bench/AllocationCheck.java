package dev.lamina.bench;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Bytes allocated per op by the benchmark thread alone, after a warm-up: JMH's {@code
 * gc.alloc.rate.norm} sums every thread of the JVM, so for ops of milliseconds its own background
 * allocation shows up as tens to thousands of bytes per op. Prints TSV {@code model batch mode
 * engine warmup_ops ops alloc_b_op}.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.lamina.bench.AllocationCheck [engine] [warmup
 * seconds]} (defaults: generated, 3). The vector engine needs Java 25+ and {@code --add-modules
 * jdk.incubator.vector}; on a JVM that cannot run it, the reason is printed and the exit code is 1.
 */
public final class AllocationCheck {
    private AllocationCheck() {}

    public static void main(String[] args) {
        Engine engine = Engine.of(args.length > 0 ? args[0] : "generated");
        double warmupSeconds = args.length > 1 ? Double.parseDouble(args[1]) : 3;
        String unavailable = engine.unavailableReason();
        if (unavailable != null) {
            System.err.println("AllocationCheck: engine " + engine.key() + " cannot run here: " + unavailable);
            System.exit(1);
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long self = Thread.currentThread().getId();
        System.out.println("model\tbatch\tmode\tengine\twarmup_ops\tops\talloc_b_op");
        for (BenchModel benchModel : BenchModel.values()) {
            for (int batch : new int[] {1, 32}) {
                ModelUnderTest subject = ModelUnderTest.build(benchModel.key(), batch, engine.key(), 1);
                for (FlopCount.Mode mode : FlopCount.Mode.values()) {
                    Runnable op = mode == FlopCount.Mode.FORWARD ? subject::forward : subject::trainStep;
                    long warmupOps = 0;
                    long end = System.nanoTime() + (long) (warmupSeconds * 1e9);
                    while (warmupOps < 3 || System.nanoTime() < end) {
                        op.run();
                        warmupOps++;
                    }
                    long ops = Math.max(3, warmupOps / 3);
                    long before = threads.getThreadAllocatedBytes(self);
                    for (long i = 0; i < ops; i++) {
                        op.run();
                    }
                    long allocated = threads.getThreadAllocatedBytes(self) - before;
                    System.out.printf(
                            Locale.ROOT,
                            "%s\t%d\t%s\t%s\t%d\t%d\t%.1f%n",
                            benchModel.key(),
                            batch,
                            mode.key(),
                            engine.key(),
                            warmupOps,
                            ops,
                            (double) allocated / ops);
                }
            }
        }
    }
}
