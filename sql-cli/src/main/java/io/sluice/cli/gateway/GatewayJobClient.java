package io.sluice.cli.gateway;

import io.sluice.runtime.execution.JobStatus;
import io.sluice.table.api.JobClient;
import io.sluice.table.api.TableException;
import io.sluice.table.api.UnsupportedFeatureException;
import java.util.concurrent.CompletableFuture;

/** A job running on a Sluice server, seen through its job REST API ({@code /jobs/{id}}). */
final class GatewayJobClient implements JobClient {
    private final GatewayClient client;
    private final String id;

    GatewayJobClient(GatewayClient client, String id) {
        this.client = client;
        this.id = id;
    }

    @Override
    public String getJobID() {
        return id;
    }

    @Override
    public JobStatus getJobStatus() {
        String state = client.get("/jobs/" + id).path("state").asText("");
        return switch (state) {
            case "CREATED", "INITIALIZING" -> JobStatus.CREATED;
            case "FINISHED" -> JobStatus.FINISHED;
            case "CANCELED", "CANCELLING" -> JobStatus.CANCELED;
            case "FAILED", "FAILING" -> JobStatus.FAILED;
            default -> JobStatus.RUNNING;
        };
    }

    @Override
    public CompletableFuture<Void> cancel() {
        return CompletableFuture.runAsync(() -> client.patch("/jobs/" + id + "?mode=cancel"));
    }

    @Override
    public CompletableFuture<String> stopWithSavepoint(boolean advanceToEndOfEventTime, String savepointDirectory) {
        return CompletableFuture.failedFuture(new UnsupportedFeatureException(
                "STOP JOB WITH SAVEPOINT in gateway mode (--endpoint)"));
    }

    /** Completes when the job ends; fails when it failed or was cancelled. */
    @Override
    public CompletableFuture<Void> getJobExecutionResult() {
        return CompletableFuture.runAsync(() -> {
            while (true) {
                JobStatus status = getJobStatus();
                if (status == JobStatus.FINISHED) {
                    return;
                }
                if (status == JobStatus.FAILED || status == JobStatus.CANCELED) {
                    throw new TableException("Job " + id + " " + status.name().toLowerCase(java.util.Locale.ROOT)
                            + " on the server");
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new TableException("Interrupted while waiting for job " + id, e);
                }
            }
        });
    }
}
