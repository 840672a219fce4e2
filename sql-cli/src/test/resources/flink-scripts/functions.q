# functions.q - describing functions and procedures.
# Written for Sluice in the format of Flink's SQL-client test scripts.

describe function `SUM`;
+-----------------+------------+
|       info name | info value |
+-----------------+------------+
| system function |       true |
|       temporary |      false |
+-----------------+------------+
2 rows in set
!ok

desc function upper;
+-----------------+------------+
|       info name | info value |
+-----------------+------------+
| system function |       true |
|       temporary |      false |
+-----------------+------------+
2 rows in set
!ok

describe function no_such_function;
!error

show procedures;
Empty set
!ok

create function lower_udf as 'io.sluice.cli.scriptudf.LowerCase';
[INFO] Execute statement succeeded.
!info

create temporary function tmp_upper as 'io.sluice.cli.scriptudf.UpperCase' language java;
[INFO] Execute statement succeeded.
!info

show user functions;
+---------------+
| function name |
+---------------+
|     lower_udf |
|     tmp_upper |
+---------------+
2 rows in set
!ok

describe function lower_udf;
+-------------------+-----------------------------------+
|         info name |                        info value |
+-------------------+-----------------------------------+
|   system function |                             false |
|         temporary |                             false |
|        class name | io.sluice.cli.scriptudf.LowerCase |
| function language |                              JAVA |
|     resource uris |                                [] |
+-------------------+-----------------------------------+
5 rows in set
!ok

SET 'execution.runtime-mode' = 'batch';
[INFO] Execute statement succeeded.
!info

select lower_udf('Hello World') as lo, tmp_upper('Hi') as up;
+-------------+----+
|          lo | up |
+-------------+----+
| hello world | HI |
+-------------+----+
1 row in set
!ok

alter function lower_udf as 'io.sluice.cli.scriptudf.UpperCase';
[INFO] Execute statement succeeded.
!info

select lower_udf('Hello World') as lo;
+-------------+
|          lo |
+-------------+
| HELLO WORLD |
+-------------+
1 row in set
!ok

alter temporary function tmp_upper as 'io.sluice.cli.scriptudf.LowerCase';
!error

alter function if exists no_such_function as 'io.sluice.cli.scriptudf.LowerCase';
[INFO] Execute statement succeeded.
!info

drop function lower_udf;
[INFO] Execute statement succeeded.
!info

drop temporary function tmp_upper;
[INFO] Execute statement succeeded.
!info
