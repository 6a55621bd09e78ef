      * NUM-COMP5: COMP-5 (native binary) items hold any value their
      * storage can hold; arithmetic is not truncated to the PICTURE.
       IDENTIFICATION DIVISION.
       PROGRAM-ID. NUM-COMP5.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-C2               PIC 99 COMP-5.
       01  WS-C4               PIC S9(4) COMP-5.
       01  WS-B4               PIC S9(4) COMP.
       01  WS-SUM              PIC 9(6).
       PROCEDURE DIVISION.
       MAIN-PARA.
           MOVE 99 TO WS-C2
           ADD 1 TO WS-C2
           MOVE WS-C2 TO WS-SUM
           DISPLAY "C2-99+1=" WS-SUM
           COMPUTE WS-C2 = 200 + 55
           MOVE WS-C2 TO WS-SUM
           DISPLAY "C2-255=" WS-SUM
           MOVE 9999 TO WS-C4
           ADD 10000 TO WS-C4
           MOVE WS-C4 TO WS-SUM
           DISPLAY "C4-19999=" WS-SUM
           MOVE 9999 TO WS-B4
           ADD 10000 TO WS-B4
           DISPLAY "B4-19999=" WS-B4
           DISPLAY "C2-LEN=" FUNCTION LENGTH(WS-C2)
           DISPLAY "C4-LEN=" FUNCTION LENGTH(WS-C4)
           STOP RUN.
