# modules.q - LOAD/UNLOAD/USE MODULE(S) and SHOW [FULL] MODULES.
# Written for Sluice in the format of Flink's SQL-client test scripts. Sluice has one module, core, which
# provides the built-in functions and can be unloaded and loaded again as in Flink.

show modules;
+-------------+
| module name |
+-------------+
|        core |
+-------------+
1 row in set
!ok

show full modules;
+-------------+------+
| module name | used |
+-------------+------+
|        core | TRUE |
+-------------+------+
1 row in set
!ok

load module core;
!error

load module hive;
!error

unload module dummy;
!error

use modules core;
[INFO] Execute statement succeeded.
!info

use modules core, core;
!error

show modules;
+-------------+
| module name |
+-------------+
|        core |
+-------------+
1 row in set
!ok

# Unloading core: calls of built-in functions no longer resolve, operators that are SQL syntax
# (=, +, CAST, CASE) still do, as in Flink.
unload module core;
[INFO] Execute statement succeeded.
!info

show modules;
Empty set
!ok

show full modules;
Empty set
!ok

select UPPER('a');
[ERROR] Could not execute SQL statement. Reason:
org.apache.calcite.sql.validate.SqlValidatorException: No match found for function signature UPPER(<CHARACTER>)
!error

select cast(1 + 2 as string) as s, case when 1 = 1 then 'y' else 'n' end as c;
+----+--------------------------------+--------------------------------+
| op |                              s |                              c |
+----+--------------------------------+--------------------------------+
| +I |                              3 |                              y |
+----+--------------------------------+--------------------------------+
Received a total of 1 row
!ok

unload module core;
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.api.ValidationException: No module with name 'core' exists
!error

use modules core;
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.api.ValidationException: No module with name 'core' exists
!error

# Loading core again puts it at the end of the used modules; built-in functions resolve again.
load module core;
[INFO] Execute statement succeeded.
!info

show full modules;
+-------------+------+
| module name | used |
+-------------+------+
|        core | TRUE |
+-------------+------+
1 row in set
!ok

select upper('a') as u;
+----+--------------------------------+
| op |                              u |
+----+--------------------------------+
| +I |                              A |
+----+--------------------------------+
Received a total of 1 row
!ok
