/**
 * Gateway mode of the SQL client ({@code bin/sluice-sql --endpoint URL}): statements run in a session of a Sluice
 * server through its Flink SQL Gateway REST API, and jobs run on the server.
 */
package io.sluice.cli.gateway;
