/**
 * The DataStream API's keyed state ({@code ValueState}, {@code ListState}, ...) on top of the runtime's keyed-state
 * backends, optionally scoped to a namespace (a window), with time-to-live.
 */
package io.sluice.datastream.state;
