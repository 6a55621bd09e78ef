      * NUM-NEG-ZERO: a result of zero is never negative: negative
      * values truncated to zero and -0 literals display as +0.
       IDENTIFICATION DIVISION.
       PROGRAM-ID. NUM-NEG-ZERO.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-S                PIC S9(3).
       01  WS-SV               PIC S9V9.
       01  WS-ED               PIC -ZZ9.9.
       01  WS-P                PIC S9(3) COMP-3.
       PROCEDURE DIVISION.
       MAIN-PARA.
           MOVE -0 TO WS-S
           DISPLAY "LIT-NEG0=" WS-S
           MOVE -0.4 TO WS-S
           DISPLAY "MOVE-NEG-FRACTION=" WS-S
           COMPUTE WS-S = -5 * 0
           DISPLAY "COMPUTE-NEG0=" WS-S
           COMPUTE WS-S = -0.4
           DISPLAY "COMPUTE-TRUNC=" WS-S
           MOVE -1000 TO WS-S
           DISPLAY "MOVE-TRUNC=" WS-S
           COMPUTE WS-SV = -0.04
           DISPLAY "SV=" WS-SV
           MOVE WS-SV TO WS-ED
           DISPLAY "ED=[" WS-ED "]"
           MOVE -0.04 TO WS-P
           DISPLAY "P=" WS-P
           IF WS-S = ZERO
               DISPLAY "IS-ZERO=Y"
           ELSE
               DISPLAY "IS-ZERO=N"
           END-IF
           STOP RUN.
