/** Value types of the DataStream API ({@link io.sluice.types.Either}). */
package io.sluice.types;
