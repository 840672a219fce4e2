# set.q - SET/RESET.
# Written for Sluice in the format of Flink's SQL-client test scripts. Flink accepts any key; Sluice keeps keys it
# does not use with a warning, and rejects a near miss of one of its own keys as a typo.

SET 'sql-client.execution.result-mode' = 'tableau';
[INFO] Execute statement succeeded.
!info

SET 'table.dml-sync' = 'true';
[INFO] Execute statement succeeded.
!info

SET 'execution.attached' = 'true';
[INFO] Execute statement succeeded.
[WARNING] Option 'execution.attached' is not used by Sluice; it is kept in the session without effect.
!info

SET 'table.exec.mini-batch.enable' = 'true';
!error

SET 'parallelism.default' = 'abc';
!error

set;
+----------------------------------+-----------+
|                              key |     value |
+----------------------------------+-----------+
|               execution.attached |      true |
|           execution.runtime-mode | STREAMING |
| sql-client.execution.result-mode |   tableau |
|                   table.dml-sync |      true |
+----------------------------------+-----------+
4 rows in set
!ok

reset 'execution.attached';
[INFO] Execute statement succeeded.
!info

RESET;
[INFO] Execute statement succeeded.
!info

set;
Empty set
!ok
