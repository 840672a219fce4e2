/** Values with their timestamps, as evictors see a window's records. */
package io.sluice.streaming.runtime.operators.windowing;
