/**
 * The {@code python-collect} sink: {@code Table.to_pandas()} in batch mode writes the table into it, and it builds
 * the Python wire format's column buffers straight from the Arrow vectors of each batch (no row objects).
 */
package io.sluice.python.collect;
