      * TB-ODO-MORE: a record with a fixed part before its OCCURS
      * DEPENDING ON table: LENGTH OF and FUNCTION LENGTH follow the
      * count, as do group MOVEs, comparisons, INSPECT and STRING.
       IDENTIFICATION DIVISION.
       PROGRAM-ID. TB-ODO-MORE.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-N                PIC 9 VALUE 2.
       01  WS-REC.
           05  WS-HEAD         PIC X(3) VALUE "HD:".
           05  WS-ITEM         OCCURS 0 TO 4 TIMES DEPENDING ON WS-N.
               10  WS-CODE     PIC X.
               10  WS-QTY      PIC 9.
       01  WS-OUT              PIC X(14).
       01  WS-CNT              PIC 99.
       01  WS-LEN              PIC 999.
       PROCEDURE DIVISION.
       MAIN-PARA.
           MOVE "A1B2" TO WS-REC(4:4)
           DISPLAY "REC=[" WS-REC "] LEN=" LENGTH OF WS-REC
           MOVE 4 TO WS-N
           MOVE "HD:A1B2C3D4" TO WS-REC
           DISPLAY "REC4=[" WS-REC "] LEN=" FUNCTION LENGTH(WS-REC)
           MOVE 1 TO WS-N
           MOVE WS-REC TO WS-OUT
           DISPLAY "OUT=[" WS-OUT "]"
           IF WS-REC = "HD:A1" DISPLAY "EQUAL-AT-1" END-IF
           MOVE 0 TO WS-CNT
           MOVE 3 TO WS-N
           INSPECT WS-REC TALLYING WS-CNT FOR CHARACTERS
           DISPLAY "CHARS=" WS-CNT
           MOVE SPACES TO WS-OUT
           STRING WS-REC DELIMITED BY SIZE "|" DELIMITED BY SIZE
               INTO WS-OUT
           DISPLAY "STR=[" WS-OUT "]"
           MOVE 0 TO WS-N
           COMPUTE WS-LEN = FUNCTION LENGTH(WS-REC) + 1
           DISPLAY "LEN0+1=" WS-LEN " [" WS-REC "]"
           MOVE 2 TO WS-N
           DISPLAY "SUB=[" WS-REC(2:) "]"
           STOP RUN.
