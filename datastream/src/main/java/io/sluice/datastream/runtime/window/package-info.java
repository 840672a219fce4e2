/** The window operator of the DataStream API: assigners, triggers, lateness, merging session windows. */
package io.sluice.datastream.runtime.window;
