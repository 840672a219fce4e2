/** Type informations of Avro records (generic, specific and reflect), serialized in Avro's binary encoding. */
package io.sluice.formats.avro.typeutils;
