package dev.lamina.runtime;

import java.lang.ref.Cleaner;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * A fixed set of daemon worker threads that, with the calling thread, run the tasks {@code 0..n-1}
 * of one job at a time; each task runs exactly once, on whichever thread claims it first. Nothing
 * is allocated per job: a job is a task object kept by the caller and one atomic word.
 *
 * <p>The word {@code state} holds the job's generation (high 32 bits), its task count (16 bits)
 * and the next unclaimed task (16 bits); a thread claims a task by a compare-and-set on the word of
 * the generation it woke for. A thread late for a job thus never claims a task of the next one, and
 * the task field is written before the job's word is published and not changed until every task
 * of the job has finished.
 */
final class ShardWorkers {
    private static final Cleaner CLEANER = Cleaner.create();

    private final Shared shared;
    private final Cleaner.Cleanable cleanable;

    /**
     * {@code workers} threads named after {@code owner}; they stop when {@link #close} is called or
     * {@code owner} becomes unreachable.
     */
    ShardWorkers(Object owner, String name, int workers) {
        this.shared = new Shared(workers, name);
        this.cleanable = CLEANER.register(owner, shared::stop);
    }

    /** Runs tasks {@code 0..count-1} on the workers and this thread; rethrows a task's failure. */
    void run(int count, IntConsumer task) {
        shared.run(count, task);
    }

    /** Stops the worker threads. */
    void close() {
        cleanable.clean();
    }

    /** The state the threads share; it must not reference the owner, so that the owner can be freed. */
    private static final class Shared {
        private static final long TASK_MASK = 0xFFFF;

        private final Thread[] threads;
        private final AtomicLong state = new AtomicLong();
        private final AtomicInteger pending = new AtomicInteger();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private volatile IntConsumer task;
        private volatile Thread caller;
        private volatile boolean stopped;

        Shared(int workers, String name) {
            threads = new Thread[workers];
            for (int i = 0; i < workers; i++) {
                Thread thread = new Thread(this::workLoop, name + "-worker-" + (i + 1));
                thread.setDaemon(true);
                threads[i] = thread;
            }
            for (Thread thread : threads) {
                thread.start();
            }
        }

        void run(int count, IntConsumer job) {
            if (count < 1 || count > TASK_MASK) {
                throw new IllegalArgumentException("a job has 1 to " + TASK_MASK + " tasks, got " + count);
            }
            long generation = (state.get() >>> 32) + 1;
            task = job;
            caller = Thread.currentThread();
            failure.set(null);
            pending.set(count);
            state.set(generation << 32 | (long) count << 16);
            for (Thread thread : threads) {
                LockSupport.unpark(thread);
            }
            work(generation);
            while (pending.get() != 0) {
                LockSupport.park(this);
            }
            task = null;
            Throwable failed = failure.getAndSet(null);
            if (failed instanceof RuntimeException e) {
                throw e;
            }
            if (failed instanceof Error e) {
                throw e;
            }
            if (failed != null) {
                throw new IllegalStateException(failed);
            }
        }

        /** Claims and runs tasks of {@code generation} until none is left. */
        private void work(long generation) {
            while (true) {
                long s = state.get();
                int next = (int) (s & TASK_MASK);
                if (s >>> 32 != generation || next >= (int) (s >>> 16 & TASK_MASK)) {
                    return;
                }
                if (!state.compareAndSet(s, s + 1)) {
                    continue;
                }
                try {
                    task.accept(next);
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                } finally {
                    if (pending.decrementAndGet() == 0) {
                        LockSupport.unpark(caller);
                    }
                }
            }
        }

        private void workLoop() {
            long seen = 0;
            while (!stopped) {
                long generation = state.get() >>> 32;
                if (generation == seen) {
                    LockSupport.park(this);
                    continue;
                }
                seen = generation;
                work(generation);
            }
        }

        void stop() {
            stopped = true;
            for (Thread thread : threads) {
                LockSupport.unpark(thread);
            }
        }
    }
}
