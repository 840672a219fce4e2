/**
 * The logical graph a DataStream program builds ({@link io.sluice.datastream.graph.StreamNode}s) and its
 * translation into the runtime's job graph: operators without an exchange between them are chained into one
 * runtime operator, keyed exchanges route by key group.
 */
package io.sluice.datastream.graph;
