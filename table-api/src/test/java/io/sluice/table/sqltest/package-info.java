/**
 * End-to-end SQL golden tests: {@link io.sluice.table.sqltest.SqlGoldenTest} runs the sqllogictest-like files in
 * {@code src/test/resources/sqltest} through {@code TableEnvironment.executeSql} in batch mode and compares each
 * query's rows with the expected block of its record.
 */
package io.sluice.table.sqltest;
