package io.sluice.server.rest;

import io.sluice.server.ServerSession;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A REST session: a server session, its name and properties as opened, and its operations. */
final class RestSession {
    private final ServerSession session;
    private final String name;
    private final Map<String, RestOperation> operations = new ConcurrentHashMap<>();

    RestSession(ServerSession session, String name) {
        this.session = session;
        this.name = name;
    }

    ServerSession session() {
        return session;
    }

    String name() {
        return name;
    }

    RestOperation operation(String id) {
        RestOperation op = operations.get(id);
        if (op == null) {
            throw new RestException(404, "operation " + id + " does not exist in session " + session.id());
        }
        return op;
    }

    void add(RestOperation op) {
        operations.put(op.id(), op);
    }

    RestOperation remove(String id) {
        RestOperation op = operation(id);
        operations.remove(id);
        return op;
    }

    void close() {
        operations.values().forEach(RestOperation::close);
        operations.clear();
        session.close();
    }
}
