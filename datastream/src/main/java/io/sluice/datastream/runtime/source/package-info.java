/** Sources of the DataStream API: collections and number sequences, as runtime table sources of records. */
package io.sluice.datastream.runtime.source;
