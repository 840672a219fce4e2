/** Serialization of DataStream records: basic types, and any other class by its run-time class. */
package io.sluice.datastream.types;
