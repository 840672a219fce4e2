package io.sluice.runtime.metrics;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The metrics of one job: its plan, one {@link OperatorMetrics} per operator instance (kept over restarts, so counts
 * only grow), its {@link CheckpointStats} and the history of exceptions that restarted or failed it. The executor
 * fills it; the job's {@code JobExecution} hands it to readers.
 */
public final class JobMetrics {
    /** How many exceptions the history keeps. */
    public static final int EXCEPTION_HISTORY_SIZE = 16;

    /**
     * A failure of the job: the class of its root cause, the message (naming the operator), the whole stack trace,
     * and the operator where it happened when known.
     */
    public record ExceptionEntry(long timestamp, String exceptionName, String message, String stacktrace,
            String operatorName) {
    }

    private final String jobId;
    private volatile JobPlan plan = new JobPlan(List.of(), List.of());
    private final Map<Long, OperatorMetrics> operators = new ConcurrentHashMap<>();
    private final CheckpointStats checkpoints = new CheckpointStats();
    private final ArrayDeque<ExceptionEntry> exceptions = new ArrayDeque<>();

    public JobMetrics(String jobId) {
        this.jobId = jobId;
    }

    public String jobId() {
        return jobId;
    }

    /** The plan the executor runs (empty until the job has started). */
    public JobPlan plan() {
        return plan;
    }

    /** Called by the executor when it lays out the job (again on each restart). */
    public void setPlan(JobPlan plan) {
        this.plan = plan;
    }

    /**
     * The metrics of subtask {@code subtask} of vertex {@code vertexIndex}: the same object across restarts, so
     * counters keep growing.
     */
    public OperatorMetrics operator(int vertexIndex, String name, int subtask, int parallelism, boolean source) {
        return operators.computeIfAbsent(((long) vertexIndex << 32) | subtask,
                k -> new OperatorMetrics(vertexIndex, name, subtask, parallelism, source));
    }

    /** Every operator instance's metrics, by vertex and subtask. */
    public List<OperatorMetrics> operators() {
        List<OperatorMetrics> list = new ArrayList<>(operators.values());
        list.sort(Comparator.comparingInt(OperatorMetrics::vertexIndex).thenComparingInt(OperatorMetrics::subtask));
        return list;
    }

    /** The instances of one vertex, by subtask. */
    public List<OperatorMetrics> operators(int vertexIndex) {
        List<OperatorMetrics> list = new ArrayList<>();
        for (OperatorMetrics m : operators()) {
            if (m.vertexIndex() == vertexIndex) {
                list.add(m);
            }
        }
        return list;
    }

    public CheckpointStats checkpoints() {
        return checkpoints;
    }

    /** Sum of the state sizes of every instance in the latest checkpoint (0 before the first). */
    public long stateSize() {
        long sum = 0;
        for (OperatorMetrics m : operators.values()) {
            sum += Math.max(0, m.stateSize());
        }
        return sum;
    }

    /** Records a failure that restarted or failed the job; {@code operatorName} may be null. */
    public void recordException(Throwable t, String operatorName) {
        java.io.StringWriter trace = new java.io.StringWriter();
        t.printStackTrace(new java.io.PrintWriter(trace));
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        ExceptionEntry e = new ExceptionEntry(System.currentTimeMillis(), root.getClass().getName(),
                String.valueOf(t.getMessage()), trace.toString(), operatorName);
        synchronized (exceptions) {
            exceptions.addFirst(e);
            while (exceptions.size() > EXCEPTION_HISTORY_SIZE) {
                exceptions.removeLast();
            }
        }
    }

    /** The recorded failures, newest first. */
    public List<ExceptionEntry> exceptions() {
        synchronized (exceptions) {
            return new ArrayList<>(exceptions);
        }
    }
}
