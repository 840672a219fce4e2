# procedures.q - CALL and SHOW PROCEDURES with a catalog that provides procedures (type 'test_procedure_catalog',
# a catalog of this project's tests: database `system` holds generate_n, generate_user, describe_args, pairs and config_value).
# Written for Sluice in the format of Flink's SQL-client test scripts; the expected output is what Flink's SQL
# client prints for each statement.

create catalog test_procedure_catalog with ('type'='test_procedure_catalog');
[INFO] Execute statement succeeded.
!info

call `test_procedure_catalog`.`system`.generate_n(2);
+--------+
| result |
+--------+
|      0 |
|      1 |
+--------+
2 rows in set
!ok

call `test_procedure_catalog`.`system`.generate_n(1 + 2);
+--------+
| result |
+--------+
|      0 |
|      1 |
|      2 |
+--------+
3 rows in set
!ok

use catalog test_procedure_catalog;
[INFO] Execute statement succeeded.
!info

show procedures in `system`;
[ERROR] Could not execute SQL statement. Reason:
!error

create database `system`;
[INFO] Execute statement succeeded.
!info

show procedures in `system`;
+----------------+
| procedure name |
+----------------+
|   config_value |
|  describe_args |
|     generate_n |
|  generate_user |
|          pairs |
+----------------+
5 rows in set
!ok

show procedures from `system` ilike 'gEnerate%';
+----------------+
| procedure name |
+----------------+
|     generate_n |
|  generate_user |
+----------------+
2 rows in set
!ok

show procedures in `system` not like 'gen%';
+----------------+
| procedure name |
+----------------+
|   config_value |
|  describe_args |
|          pairs |
+----------------+
3 rows in set
!ok

show procedures;
Empty set
!ok

call `system`.generate_user('yuxia', 18);
+-------+-----+
|  name | age |
+-------+-----+
| yuxia |  18 |
+-------+-----+
1 row in set
!ok

call `system`.pairs(3);
+---+----+
| i |  s |
+---+----+
| 0 |    |
| 1 |  x |
| 2 | xx |
+---+----+
3 rows in set
!ok

call `system`.describe_args(b => 'two', a => 1);
+--------------------+
|             result |
+--------------------+
| a=1, b=two, c=null |
+--------------------+
1 row in set
!ok

call `system`.describe_args(1, 'two', 3);
+-----------------+
|          result |
+-----------------+
| a=1, b=two, c=3 |
+-----------------+
1 row in set
!ok

set 'pipeline.name' = 'procedures';
[INFO] Execute statement succeeded.
!info

call `system`.config_value('pipeline.name');
+------------+
|     result |
+------------+
| procedures |
+------------+
1 row in set
!ok

call `system`.describe_args(a => 1);
[ERROR] Could not execute SQL statement. Reason:
io.sluice.table.api.ValidationException: Could not find an implementation method 'call' in class 'io.sluice.cli.procedures.TestProcedures$DescribeArgs' for procedure 'describe_args' that matches the arguments (Integer) by name.
!error

call `system`.generate_n('two');
[ERROR] Could not execute SQL statement. Reason:
io.sluice.table.api.ValidationException: Could not find an implementation method 'call' in class 'io.sluice.cli.procedures.TestProcedures$GenerateSequence' for procedure 'generate_n' that matches the arguments (String).
!error

call `system`.no_such_procedure(1);
[ERROR] Could not execute SQL statement. Reason:
io.sluice.table.api.ValidationException: Procedure system.no_such_procedure does not exist in Catalog test_procedure_catalog.
!error

call default_catalog.default_database.p();
[ERROR] Could not execute SQL statement. Reason:
io.sluice.table.api.ValidationException: Procedure default_database.p does not exist in Catalog default_catalog.
!error
