/** The chained operators behind the DataStream API's transformations. */
package io.sluice.datastream.runtime.operators;
