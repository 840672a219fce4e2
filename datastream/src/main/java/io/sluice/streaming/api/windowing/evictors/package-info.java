/** Evictors: remove records from a window before or after its function runs. */
package io.sluice.streaming.api.windowing.evictors;
