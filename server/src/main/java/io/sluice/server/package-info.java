/**
 * The Sluice server ({@code bin/sluice-server}): sessions over shared catalogs, shared jobs, and the endpoints that
 * serve them (the PostgreSQL wire protocol in {@code io.sluice.server.pg}).
 */
package io.sluice.server;
