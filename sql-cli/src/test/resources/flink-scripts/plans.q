# plans.q - COMPILE PLAN / EXECUTE PLAN, CREATE TABLE AS, EXECUTE of queries.
# Written for Sluice in the format of Flink's SQL-client test scripts.

SET 'table.dml-sync' = 'true';
[INFO] Execute statement succeeded.
!info

create table numbers (n INT, word STRING) with ('connector' = 'datagen', 'number-of-rows' = '5', 'fields.n.kind' = 'sequence', 'fields.n.start' = '1', 'fields.n.end' = '5');
[INFO] Execute statement succeeded.
!info

create table sink_a (n INT, word STRING) with ('connector' = 'blackhole');
[INFO] Execute statement succeeded.
!info

COMPILE PLAN '$VAR_STREAMING_PATH/plan.json' FOR INSERT INTO sink_a SELECT * FROM numbers;
[INFO] Execute statement succeeded.
!info

COMPILE PLAN '$VAR_STREAMING_PATH/plan.json' FOR INSERT INTO sink_a SELECT * FROM numbers;
!error

COMPILE PLAN '$VAR_STREAMING_PATH/plan.json' IF NOT EXISTS FOR INSERT INTO sink_a SELECT * FROM numbers;
[INFO] Execute statement succeeded.
!info

EXECUTE PLAN '$VAR_STREAMING_PATH/plan.json';
[INFO] Complete execution of the SQL update statement.
!info

EXECUTE PLAN '$VAR_STREAMING_PATH/missing.json';
!error

create table sink_b (n INT) with ('connector' = 'blackhole');
[INFO] Execute statement succeeded.
!info

COMPILE PLAN '$VAR_STREAMING_PATH/set-plan.json' FOR STATEMENT SET BEGIN INSERT INTO sink_a SELECT * FROM numbers; INSERT INTO sink_b SELECT n FROM numbers WHERE n > 2; END;
[INFO] Execute statement succeeded.
!info

EXECUTE PLAN '$VAR_STREAMING_PATH/set-plan.json';
[INFO] Complete execution of the SQL update statement.
!info

SET 'execution.runtime-mode' = 'batch';
[INFO] Execute statement succeeded.
!info

EXECUTE SELECT n FROM numbers WHERE n > 3;
+---+
| n |
+---+
| 4 |
| 5 |
+---+
2 rows in set
!ok
