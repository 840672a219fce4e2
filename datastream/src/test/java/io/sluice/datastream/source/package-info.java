/** Tests of custom sources written against the Source API. */
package io.sluice.datastream.source;
