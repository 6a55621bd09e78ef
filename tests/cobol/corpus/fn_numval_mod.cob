       IDENTIFICATION DIVISION.
       PROGRAM-ID. FN-NUMVAL-MOD.
      * NUMVAL / NUMVAL-C with signs CR and DB, TEST-NUMVAL positions,
      * MIN / MAX (a signed literal is an argument of its own), MOD and
      * REM of negative numbers.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01 T1 PIC X(12) VALUE "  123.45 CR ".
       01 T2 PIC X(12) VALUE " -7.5".
       01 T3 PIC X(16) VALUE " $1,234.50 DB".
       01 T4 PIC X(8) VALUE "1.2.3".
       01 N PIC S9(5)V99.
       01 R PIC S9(4)V9(2).
       01 P PIC 99.
       01 A PIC S99 VALUE -11.
       01 B PIC S99 VALUE 5.
       PROCEDURE DIVISION.
           MOVE FUNCTION NUMVAL(T1) TO N
           DISPLAY N
           MOVE FUNCTION NUMVAL(T2) TO N
           DISPLAY N
           MOVE FUNCTION NUMVAL-C(T3) TO N
           DISPLAY N
           MOVE FUNCTION NUMVAL-C(" % 12.5 ", "%") TO N
           DISPLAY N
           MOVE FUNCTION TEST-NUMVAL(T4) TO P
           DISPLAY P
           MOVE FUNCTION TEST-NUMVAL(T1) TO P
           DISPLAY P
           MOVE FUNCTION TEST-NUMVAL("1 CX") TO P
           DISPLAY P
           DISPLAY FUNCTION MIN(4 -2 7)
           DISPLAY FUNCTION MAX(4 -2 7.5)
           MOVE FUNCTION MIN(A B 3) TO R
           DISPLAY R
           MOVE FUNCTION MAX(A B 3) TO R
           DISPLAY R
           MOVE FUNCTION MOD(A B) TO R
           DISPLAY R
           MOVE FUNCTION REM(A B) TO R
           DISPLAY R
           MOVE FUNCTION MOD(11 -5) TO R
           DISPLAY R
           MOVE FUNCTION REM(7.5 2) TO R
           DISPLAY R
           STOP RUN.
