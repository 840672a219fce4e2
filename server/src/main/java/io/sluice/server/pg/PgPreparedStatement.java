package io.sluice.server.pg;

/** A parsed statement (Parse): its text and the parameter type OIDs the client declared (0: unspecified). */
record PgPreparedStatement(String sql, int[] parameterTypes) {

    /** One OID per parameter the text uses: the declared type, or text when the client left it open. */
    int[] describedParameterTypes() {
        int n = Math.max(parameterTypes.length, PgParameterBinder.parameterCount(sql));
        int[] oids = new int[n];
        for (int i = 0; i < n; i++) {
            oids[i] = i < parameterTypes.length && parameterTypes[i] != 0 ? parameterTypes[i] : PgType.TEXT.oid();
        }
        return oids;
    }
}
