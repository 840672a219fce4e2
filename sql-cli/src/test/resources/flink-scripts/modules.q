# modules.q - LOAD/UNLOAD/USE MODULE(S) and SHOW [FULL] MODULES.
# Written for Sluice in the format of Flink's SQL-client test scripts. Sluice has one module, core.

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
