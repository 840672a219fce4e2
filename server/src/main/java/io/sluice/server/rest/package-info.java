/**
 * Flink's SQL Gateway REST API over the server's sessions: sessions, statements as operations, and paged results
 * in Flink's JSON shapes.
 */
package io.sluice.server.rest;
