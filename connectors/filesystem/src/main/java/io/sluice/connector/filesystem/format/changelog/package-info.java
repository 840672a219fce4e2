/**
 * Changelog formats over json: {@code debezium-json}, {@code canal-json} and {@code maxwell-json}. Each line of a
 * file (or each Kafka message) is one change event of a CDC tool; it is decoded into rows with their row kinds
 * ({@code +I}, {@code -U}/{@code +U} for an update, {@code -D}), and rows of a changelog are encoded back into such
 * events. The row images themselves are read and written by the {@code json} format's decoder and encoder, so
 * values follow the json format's rules. A {@link io.sluice.connector.filesystem.format.changelog.ChangelogProtocol}
 * holds what differs between the tools: where the images and the operation are in an event.
 */
package io.sluice.connector.filesystem.format.changelog;
