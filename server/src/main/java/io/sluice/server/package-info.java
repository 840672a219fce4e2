/**
 * The Sluice server ({@code bin/sluice-server}): sessions over shared catalogs, shared jobs, and the endpoints that
 * serve them (the PostgreSQL wire protocol in {@code io.sluice.server.pg}; REST, metrics and the web UI on the HTTP
 * port in {@code io.sluice.server.rest} and {@code io.sluice.server.metrics}).
 */
package io.sluice.server;
