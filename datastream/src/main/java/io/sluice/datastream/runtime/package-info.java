/** How DataStream operators run on Sluice's runtime: chains of operators as one runtime operator, records serialized only between chains, keyed state and timers from the runtime's keyed-state backends. */
package io.sluice.datastream.runtime;
