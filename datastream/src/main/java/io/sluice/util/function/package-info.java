/** Serializable functional interfaces for functions shipped with a job. */
package io.sluice.util.function;
