/**
 * The server's Arrow Flight SQL endpoint: {@link io.sluice.server.flight.FlightSqlEndpoint} serves Flight SQL over
 * gRPC, each client connection in its own session; query results stream as the engine's own Arrow batches.
 */
package io.sluice.server.flight;
