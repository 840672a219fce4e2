package io.sluice.runtime.execution;

import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.config.ExecutionOptions;
import io.sluice.runtime.graph.JobGraph;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a {@link JobGraph} in this JVM, at any parallelism, with one execution model ({@link JobRun}): every node
 * runs as {@code parallelism.default} instances (one where its input is a single partition), an instance is chained
 * to its producer when it reads from that producer alone, one-to-one, and everything else is a task thread fed
 * through a bounded queue. Parallelism 1 is the case where every one-input chain is fused into its source's task.
 * Memory comes from one {@link org.apache.arrow.memory.RootAllocator} per job run (limit
 * {@link ExecutionOptions#MEMORY_LIMIT}) with a child allocator per operator instance, so a leak names the operator
 * that leaked. Checkpoints, savepoints, restarts, idle sources, processing-time callbacks and metrics are described
 * on {@link JobRun}.
 */
public final class LocalExecutor {
    /**
     * The configuration key of the id a job is to run with; without it a job gets a new random id. The DataStream
     * API sets it so that its functions can tell the job's id ({@code RuntimeContext.getJobInfo()}) from the start.
     */
    public static final String JOB_ID = "sluice.internal.job-id";
    private static final AtomicInteger THREADS = new AtomicInteger();

    private LocalExecutor() {
    }

    /** Starts the job on a new thread and returns at once. */
    public static JobExecution submit(JobGraph graph, Configuration config) {
        JobExecution execution = new JobExecution(jobId(config), graph.jobName());
        Thread t = new Thread(() -> runJob(graph, config, execution), "sluice-job-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        t.start();
        return execution;
    }

    /** Runs the job on the calling thread until it ends; rethrows its failure. */
    public static void run(JobGraph graph, Configuration config) throws Exception {
        JobExecution execution = new JobExecution(jobId(config), graph.jobName());
        runJob(graph, config, execution);
        execution.await();
    }

    /** The id preset in {@code config} under {@link #JOB_ID}, or a new one. */
    private static String jobId(Configuration config) {
        String preset = config.getString(JOB_ID);
        return preset != null ? preset : UUID.randomUUID().toString().replace("-", "");
    }

    /**
     * Runs the job and ends its execution whatever happens: a failure outside the run's own handling (an option
     * value that does not parse, a class that cannot be loaded) fails the job, as otherwise every caller waiting
     * for its end (a query's result iterator, {@link JobExecution#await()}) would wait forever.
     */
    private static void runJob(JobGraph graph, Configuration config, JobExecution execution) {
        try {
            int tableParallelism = config.get(ExecutionOptions.RESOURCE_DEFAULT_PARALLELISM);
            int parallelism = tableParallelism > 0 ? tableParallelism : config.get(ExecutionOptions.PARALLELISM);
            new JobRun(graph, config, execution, Math.max(1, parallelism)).run();
        } catch (Throwable t) {
            if (execution.terminationFuture().isDone()) {
                throw t; // the job had ended already: leave it to the thread's uncaught-exception handler
            }
            execution.finish(JobStatus.FAILED, t);
        }
    }
}
