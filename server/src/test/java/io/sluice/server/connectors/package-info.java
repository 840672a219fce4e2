/** Tests of the connectors the server bundles, used over its PostgreSQL wire protocol endpoint. */
package io.sluice.server.connectors;
