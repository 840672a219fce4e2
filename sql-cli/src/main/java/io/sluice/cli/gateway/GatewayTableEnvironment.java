package io.sluice.cli.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.runtime.config.Configuration;
import io.sluice.sql.parser.StatementParser;
import io.sluice.sql.parser.ast.ParsedStatement;
import io.sluice.sql.parser.ast.ResetStatement;
import io.sluice.sql.parser.ast.SetStatement;
import io.sluice.table.api.DataTypes;
import io.sluice.table.api.Table;
import io.sluice.table.api.TableConfig;
import io.sluice.table.api.TableEnvironment;
import io.sluice.table.api.TableResult;
import io.sluice.table.api.UnsupportedFeatureException;
import io.sluice.table.functions.UserDefinedFunction;
import java.util.ArrayList;
import java.util.List;

/**
 * The shell's environment in gateway mode ({@code bin/sluice-sql --endpoint URL}): every statement runs in one
 * session of a Sluice server through its Flink SQL Gateway REST API, so jobs started from the shell run on the
 * server and outlive it. {@code SET}/{@code RESET} also update a local copy of the session's options, which the
 * shell reads for how it shows results (runtime mode, result mode, column width). The Table API needs the engine
 * in the same process and is not available here.
 */
public final class GatewayTableEnvironment implements TableEnvironment, AutoCloseable {
    private final GatewayClient client;
    private final String session;
    private final TableConfig config = new TableConfig(new Configuration());

    /** Opens a session on the server at {@code endpoint}; {@code password} may be null. */
    public GatewayTableEnvironment(String endpoint, String password) {
        this.client = new GatewayClient(endpoint, password);
        ObjectNode body = GatewayClient.JSON.createObjectNode();
        body.put("sessionName", "sluice-sql");
        this.session = client.post("/v2/sessions", body).path("sessionHandle").asText();
        if (session.isEmpty()) {
            throw new io.sluice.table.api.TableException("The server at " + client.base()
                    + " did not open a session: is it a Sluice server?");
        }
    }

    @Override
    public TableResult executeSql(String statement) {
        ObjectNode body = GatewayClient.JSON.createObjectNode();
        body.put("statement", statement);
        JsonNode submitted = client.post("/v2/sessions/" + session + "/statements", body);
        String operation = submitted.path("operationHandle").asText();
        GatewayTableResult result = GatewayTableResult.fetch(client, session, operation);
        mirrorOptions(statement);
        return result;
    }

    /** Applies a successful SET/RESET to the local copy of the session's options. */
    private void mirrorOptions(String statement) {
        ParsedStatement parsed;
        try {
            parsed = StatementParser.parse(statement);
        } catch (RuntimeException e) {
            return;
        }
        Configuration c = config.getConfiguration();
        if (parsed instanceof SetStatement set && !set.isList()) {
            c.setString(set.key(), set.value());
        } else if (parsed instanceof ResetStatement reset) {
            if (reset.isAll()) {
                c.clear();
            } else {
                c.remove(reset.key());
            }
        }
    }

    @Override
    public TableConfig getConfig() {
        return config;
    }

    @Override
    public List<String> listTables() {
        List<String> tables = new ArrayList<>();
        try (var rows = executeSql("SHOW TABLES").collect()) {
            rows.forEachRemaining(r -> tables.add(String.valueOf(r.getField(0))));
        }
        return tables;
    }

    @Override
    public String explainSql(String statement) {
        try (var rows = executeSql("EXPLAIN " + statement).collect()) {
            return rows.hasNext() ? String.valueOf(rows.next().getField(0)) : "";
        }
    }

    /** Closes the session on the server; jobs it started keep running. */
    @Override
    public void close() {
        client.delete("/v2/sessions/" + session);
    }

    private static UnsupportedFeatureException tableApi(String method) {
        return new UnsupportedFeatureException(method + " in gateway mode (--endpoint): the Table API runs with the"
                + " engine in the same process");
    }

    @Override
    public Table sqlQuery(String query) {
        throw tableApi("sqlQuery");
    }

    @Override
    public Table from(String path) {
        throw tableApi("from");
    }

    @Override
    public Table fromValues(DataTypes.RowDataType rowType, Object... values) {
        throw tableApi("fromValues");
    }

    @Override
    public void createTemporaryView(String path, Table table) {
        throw tableApi("createTemporaryView");
    }

    @Override
    public void createTemporarySystemFunction(String name, Class<? extends UserDefinedFunction> functionClass) {
        throw tableApi("createTemporarySystemFunction");
    }

    @Override
    public void createTemporarySystemFunction(String name, UserDefinedFunction functionInstance) {
        throw tableApi("createTemporarySystemFunction");
    }

    @Override
    public void createTemporaryFunction(String path, Class<? extends UserDefinedFunction> functionClass) {
        throw tableApi("createTemporaryFunction");
    }

    @Override
    public void createTemporaryFunction(String path, UserDefinedFunction functionInstance) {
        throw tableApi("createTemporaryFunction");
    }

    @Override
    public void createFunction(String path, Class<? extends UserDefinedFunction> functionClass) {
        throw tableApi("createFunction");
    }

    @Override
    public void createFunction(String path, Class<? extends UserDefinedFunction> functionClass,
            boolean ignoreIfExists) {
        throw tableApi("createFunction");
    }

    @Override
    public boolean dropTemporarySystemFunction(String name) {
        throw tableApi("dropTemporarySystemFunction");
    }

    @Override
    public boolean dropTemporaryFunction(String path) {
        throw tableApi("dropTemporaryFunction");
    }

    @Override
    public boolean dropFunction(String path) {
        throw tableApi("dropFunction");
    }

    @Override
    public String[] listUserDefinedFunctions() {
        throw tableApi("listUserDefinedFunctions");
    }
}
