package io.sluice.api.connector.sink2;

/** What a sink sees when it creates its {@link Committer}. */
public interface CommitterInitContext extends InitContext {
}
