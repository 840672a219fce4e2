/**
 * The {@code socket} connector, for demos: a source that connects to a TCP server ({@code hostname}, {@code port})
 * and reads records separated by {@code byte-delimiter}, decoded by a filesystem format ({@code csv}, {@code json},
 * ...).
 */
package io.sluice.connector.socket;
