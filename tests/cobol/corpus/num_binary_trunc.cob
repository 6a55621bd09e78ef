      * NUM-BINARY-TRUNC: COMP / BINARY items are truncated to their
      * PICTURE digits (binary-truncate, the -std=default setting), on
      * MOVE and on arithmetic, even though the storage could hold more.
       IDENTIFICATION DIVISION.
       PROGRAM-ID. NUM-BINARY-TRUNC.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-B2               PIC 99 COMP.
       01  WS-B4               PIC S9(4) BINARY.
       01  WS-B9               PIC 9(9) COMP.
       01  WS-B2V1             PIC 9V9 COMP.
       PROCEDURE DIVISION.
       MAIN-PARA.
           MOVE 150 TO WS-B2
           DISPLAY "B2-MOVE-150=" WS-B2
           MOVE 99 TO WS-B2
           ADD 1 TO WS-B2
           DISPLAY "B2-99+1=" WS-B2
           MOVE 12345 TO WS-B4
           DISPLAY "B4-MOVE-12345=" WS-B4
           MOVE -9999 TO WS-B4
           SUBTRACT 2 FROM WS-B4
           DISPLAY "B4-MINUS=" WS-B4
           COMPUTE WS-B9 = 1234567890 + 1
           DISPLAY "B9=" WS-B9
           MOVE 12.34 TO WS-B2V1
           DISPLAY "B2V1=" WS-B2V1
           DISPLAY "B2-LEN=" FUNCTION LENGTH(WS-B2)
           DISPLAY "B4-LEN=" FUNCTION LENGTH(WS-B4)
           DISPLAY "B9-LEN=" FUNCTION LENGTH(WS-B9)
           STOP RUN.
