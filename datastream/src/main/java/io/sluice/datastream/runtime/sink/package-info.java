/** Sinks of the DataStream API as runtime sink writers: user {@code Sink}s, printing, and collecting results. */
package io.sluice.datastream.runtime.sink;
