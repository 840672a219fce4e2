/**
 * The PostgreSQL wire protocol (v3) endpoint: message codec ({@code PgMessage*}), connection state machine
 * ({@code PgConnection}), SCRAM-SHA-256 authentication, type encoders ({@code PgType}, {@code PgValueEncoder},
 * {@code PgParameterBinder}) and the answers to the catalog queries PostgreSQL clients send
 * ({@code PgCatalogAnswers} over {@code PgRelations}).
 */
package io.sluice.server.pg;
