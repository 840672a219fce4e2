package io.sluice.server.flight;

import java.util.function.BooleanSupplier;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Where the Arrow batches of one result come from: a running query's job ({@link QueryBatches}) or fixed rows
 * ({@link FixedBatches}). Batches are allocated from the endpoint's allocator; the caller closes each one.
 */
interface ResultBatches extends AutoCloseable {
    /**
     * The next batch in the client's schema; waits for one; null at the end or once {@code cancelled} holds.
     * Throws the failure of the statement's job.
     */
    VectorSchemaRoot next(BooleanSupplier cancelled) throws Exception;

    /** Releases the batches not taken (and stops the job producing them). Idempotent, from any thread. */
    @Override
    void close();
}
