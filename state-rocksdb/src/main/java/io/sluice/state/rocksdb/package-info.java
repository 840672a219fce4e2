/**
 * The embedded RocksDB keyed-state backend ({@code state.backend.type: rocksdb}): keyed state as bytes in a
 * RocksDB instance on local disk, one column family per state, so state can outgrow the heap.
 *
 * <p>A key is laid out as {@code [key group: 2 bytes][key length][key][namespace length][namespace][user key]}:
 * entries of one key group are contiguous (snapshots walk them group by group), and a map state's entries of one
 * key and namespace share a prefix. List elements are appended with RocksDB's merge operator, each element
 * length-prefixed, so adding to a list never reads it.
 *
 * <p>Checkpoints are full snapshots in the canonical keyed-state format, or, with
 * {@code execution.checkpointing.incremental}, {@link io.sluice.state.rocksdb.IncrementalSnapshotHandle}s: the
 * instance's SST files copied once into the job's shared directory and referenced by every later checkpoint that
 * still needs them.
 */
package io.sluice.state.rocksdb;
