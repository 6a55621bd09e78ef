      * MV-NUM-TO-ALPHA: a numeric integer moved to an alphanumeric
      * receiver copies its digits (no sign) and then pads/truncates
      * like an alphanumeric move.
       IDENTIFICATION DIVISION.
       PROGRAM-ID. MV-NUM-TO-ALPHA.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-U4               PIC 9(4) VALUE 42.
       01  WS-S3               PIC S9(3) VALUE -17.
       01  WS-C3               PIC 9(3) COMP-3 VALUE 5.
       01  WS-ED               PIC ZZ9.99 .
       01  WS-X8               PIC X(8).
       01  WS-X2               PIC X(2).
       PROCEDURE DIVISION.
       MAIN-PARA.
           MOVE WS-U4 TO WS-X8
           DISPLAY "U4=[" WS-X8 "]"
           MOVE WS-U4 TO WS-X2
           DISPLAY "U4-SHORT=[" WS-X2 "]"
           MOVE WS-S3 TO WS-X8
           DISPLAY "S3=[" WS-X8 "]"
           MOVE WS-C3 TO WS-X8
           DISPLAY "C3=[" WS-X8 "]"
           MOVE 3.5 TO WS-ED
           MOVE WS-ED TO WS-X8
           DISPLAY "ED=[" WS-X8 "]"
           MOVE 123 TO WS-X8
           DISPLAY "LIT=[" WS-X8 "]"
           STOP RUN.
