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
