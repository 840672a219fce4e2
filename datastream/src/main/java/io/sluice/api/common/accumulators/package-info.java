/** Accumulators: values that parallel instances of a job add to, merged into the job's result. */
package io.sluice.api.common.accumulators;
