package org.quantcourse.kernel.eval;

import org.quantcourse.kernel.guard.HeapGuard;
import org.quantcourse.kernel.io.KernelLog;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs user code on one long-lived thread with a large stack, from the kernel thread that waits for it. An interrupt
 * first calls {@link Thread#interrupt()} and arms the {@link InterruptCheck} compiled into notebook code (which stops
 * user loops at once on every JDK), then, for library code without checks, {@code Thread.stop()} after {@link #GRACE}
 * (never while a static initializer runs, which would leave its class unusable for the session), and abandons the thread
 * (starting a fresh one next time) if it still runs; the waiting kernel thread stays in control throughout. While
 * waiting, the kernel thread also runs tasks the user code hands it with {@link #onKernelThread}.
 */
public final class UserThreadRunner {

    /** How long an interrupted task may run before it is stopped: long enough for a training loop to finish its batch. */
    public static final Duration GRACE = Duration.ofMillis(1500);
    /** How long a stopped task may keep running before its thread is abandoned. */
    public static final Duration ABANDON_AFTER = Duration.ofSeconds(3);
    private static final long POLL_MS = 20;
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(POLL_MS);

    static {
        // Loaded now, not when a cell fails: loading a class needs memory, and a cell that filled the heap leaves none.
        preload(InterruptCheck.CellInterrupted.class, UserCodeError.class, Interrupted.class, HeapGuard.class,
                LockSupport.class);
    }

    private final long stackBytes;
    private final ClassLoader contextLoader;
    private final LinkedBlockingQueue<KernelTask<?>> kernelTasks = new LinkedBlockingQueue<>();
    private volatile Thread kernelThread;
    private volatile Worker worker;
    private volatile boolean interruptRequested;
    private int workerCount;

    /** A runner whose user thread gets the stack size and context class loader given. */
    public UserThreadRunner(long stackBytes, ClassLoader contextLoader) {
        this.stackBytes = stackBytes;
        this.contextLoader = contextLoader;
    }

    /** Thrown to the kernel thread when a task was interrupted (or timed out) and did not finish. */
    public static final class Interrupted extends Exception {
        private final boolean timedOut;

        Interrupted(boolean timedOut) {
            super(timedOut ? "timed out" : "interrupted");
            this.timedOut = timedOut;
        }

        /** Whether the task hit the evaluation timeout rather than a user interrupt. */
        public boolean timedOut() {
            return timedOut;
        }
    }

    /** Clears a pending interrupt request; called when a new cell starts. */
    public void resetInterrupt() {
        interruptRequested = false;
        InterruptCheck.clear();
    }

    /** Whether an interrupt was requested since the last reset. */
    public boolean interruptRequested() {
        return interruptRequested;
    }

    /** Requests the running task (if any) to stop; callable from any thread. */
    public void interrupt() {
        interruptRequested = true;
        Worker current = worker;
        if (current != null && current.busy) {
            InterruptCheck.request(current.thread);
            current.thread.interrupt();
        }
    }

    /**
     * Runs the task on the user thread and waits for it; rethrows what it threw. A null or non-positive timeout
     * means no limit.
     */
    public <T> T run(Callable<T> task, Duration timeout) throws Exception {
        if (Thread.currentThread() == currentWorkerThread()) {
            return task.call();
        }
        Thread previousKernel = kernelThread;
        kernelThread = Thread.currentThread();
        try {
            HeapGuard.process().arm();
            Job<T> job = new Job<>(task);
            Worker target = ensureWorker();
            job.owner = target;
            target.jobs.put(job);
            return awaitSurvivingOutOfMemory(job, timeout);
        } finally {
            kernelThread = previousKernel;
        }
    }

    /** Runs the task on the kernel thread that waits for the current user task (directly if already there). */
    public <T> T onKernelThread(Callable<T> task) throws Exception {
        Thread kernel = kernelThread;
        if (kernel == null || Thread.currentThread() == kernel) {
            return task.call();
        }
        KernelTask<T> request = new KernelTask<>(task);
        kernelTasks.put(request);
        return request.await();
    }

    private <T> T await(Job<T> job, Duration timeout) throws Exception {
        long deadline = timeout == null || timeout.isZero() || timeout.isNegative()
                ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        long stopAt = Long.MAX_VALUE;
        long abandonAt = Long.MAX_VALUE;
        boolean timedOut = false;
        while (!job.done.await(POLL_MS, TimeUnit.MILLISECONDS)) {
            runKernelTasks();
            long now = System.nanoTime();
            if (stopAt == Long.MAX_VALUE && (interruptRequested || now > deadline)) {
                timedOut = !interruptRequested;
                InterruptCheck.request(job.owner.thread);
                job.owner.thread.interrupt();
                stopAt = now + GRACE.toNanos();
                abandonAt = stopAt + ABANDON_AFTER.toNanos();
            } else if (now > abandonAt) {
                InterruptCheck.clear();
                abandon(job.owner);
                throw new Interrupted(timedOut);
            } else if (now > stopAt) {
                stop(job.owner);
            }
        }
        runKernelTasks();
        InterruptCheck.clear();
        if (job.stopped || (stopAt != Long.MAX_VALUE && job.failure != null)) {
            throw new Interrupted(timedOut);
        }
        if (job.failure != null) {
            throw asException(job.failure);
        }
        return job.result;
    }

    /**
     * Waits for the job as {@link #await} does, and waits again when the wait itself fails for want of memory: while a
     * cell fills the heap, the kernel thread's own small allocations fail too (even after the cell's failure has been
     * collected, G1 can report one late), and the cell's outcome must still reach the kernel.
     */
    private <T> T awaitSurvivingOutOfMemory(Job<T> job, Duration timeout) throws Exception {
        while (true) {
            try {
                return await(job, timeout);
            } catch (OutOfMemoryError heapFull) {
                LockSupport.parkNanos(POLL_NANOS);
            }
        }
    }

    private void runKernelTasks() {
        KernelTask<?> task;
        while ((task = kernelTasks.poll()) != null) {
            task.run();
        }
    }

    @SuppressWarnings({"deprecation", "removal"})
    private void stop(Worker owner) {
        if (owner.busy && !initializingAClass(owner.thread)) {
            try {
                owner.thread.stop();
            } catch (UnsupportedOperationException e) {
                KernelLog.debug("Thread.stop unsupported on this JVM; the thread will be abandoned");
            }
        }
    }

    /**
     * Whether the thread is inside a static initializer: a forced stop there would leave that class unusable for the
     * rest of the session (the JVM never initializes a class twice), so the stop waits until it has returned.
     */
    static boolean initializingAClass(Thread thread) {
        for (StackTraceElement frame : thread.getStackTrace()) {
            if ("<clinit>".equals(frame.getMethodName())) {
                return true;
            }
        }
        return false;
    }

    private void abandon(Worker owner) {
        KernelLog.warn("user thread " + owner.thread.getName() + " ignored interrupt and stop; abandoning it");
        owner.abandoned = true;
        if (worker == owner) {
            worker = null;
        }
    }

    private Thread currentWorkerThread() {
        Worker current = worker;
        return current == null ? null : current.thread;
    }

    private synchronized Worker ensureWorker() {
        Worker current = worker;
        if (current == null || !current.thread.isAlive()) {
            current = new Worker("notebook-" + (++workerCount));
            worker = current;
        }
        return current;
    }

    private static void preload(Class<?>... types) {
        KernelLog.debug("user thread runner: " + types.length + " classes of the failure path loaded");
    }

    private static Exception asException(Throwable failure) {
        if (failure instanceof Exception e) {
            return e;
        }
        return new UserCodeError(failure);
    }

    /** Carries an Error (OutOfMemoryError, StackOverflowError, ...) thrown by user code to the kernel thread. */
    public static final class UserCodeError extends Exception {
        UserCodeError(Throwable error) {
            super(error);
        }
    }

    private final class Worker {
        final SynchronousQueue<Job<?>> jobs = new SynchronousQueue<>();
        final Thread thread;
        volatile boolean busy;
        volatile boolean abandoned;

        Worker(String name) {
            thread = new Thread(null, this::loop, name, stackBytes);
            thread.setDaemon(true);
            thread.setContextClassLoader(contextLoader);
            thread.start();
        }

        private void loop() {
            while (!abandoned) {
                try {
                    runJob(jobs.take());
                } catch (InterruptedException ignored) {
                    Thread.interrupted();
                } catch (Throwable late) {
                    KernelLog.debug("user thread caught a late " + late);
                }
            }
        }

        private void runJob(Job<?> job) {
            Thread.interrupted();
            busy = true;
            try {
                job.runTask();
            } catch (Throwable late) {
                job.recordFailure(late);
            }
            try {
                if (HeapGuard.ranOutOfMemory(job.failure)) {
                    HeapGuard.process().recover();   // before the kernel thread wakes up and allocates
                }
            } finally {
                busy = false;
                job.done.countDown();
            }
        }
    }

    private static final class Job<T> {
        final Callable<T> task;
        final java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        volatile Worker owner;
        volatile T result;
        volatile Throwable failure;
        volatile boolean stopped;

        Job(Callable<T> task) {
            this.task = task;
        }

        /**
         * Runs the task and records how it ended. The failure is recorded before anything else is done with it: with
         * the heap full, any allocation here (even loading a class) fails, and the cell must still count as failed.
         */
        void runTask() {
            try {
                result = task.call();
            } catch (Throwable t) {
                recordFailure(t);
            }
        }

        /** Records a failure, or a stop when it was an interrupt check or {@code Thread.stop}. */
        void recordFailure(Throwable t) {
            failure = t;
            if (isCheckedStop(t)) {
                stopped = true;
                failure = null;
            }
        }

        @SuppressWarnings("deprecation")
        private static boolean isCheckedStop(Throwable t) {
            for (Throwable cause = t; cause != null; cause = cause.getCause()) {
                if (cause instanceof InterruptCheck.CellInterrupted || cause instanceof ThreadDeath) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final class KernelTask<T> {
        final Callable<T> task;
        final java.util.concurrent.CompletableFuture<T> result = new java.util.concurrent.CompletableFuture<>();

        KernelTask(Callable<T> task) {
            this.task = task;
        }

        void run() {
            try {
                result.complete(task.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        }

        T await() throws Exception {
            try {
                return result.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw asException(e.getCause());
            }
        }
    }
}
