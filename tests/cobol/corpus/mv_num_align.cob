      * MV-NUM-ALIGN: a numeric MOVE aligns on the decimal point and
      * truncates excess digits at both ends, zero-filling the rest.
       IDENTIFICATION DIVISION.
       PROGRAM-ID. MV-NUM-ALIGN.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-A                PIC 999V9.
       01  WS-B                PIC 99V99.
       01  WS-C                PIC 9(5).
       01  WS-D                PIC V999.
       01  WS-E                PIC S9(3)V9.
       01  WS-F                PIC 9(4)V9(3).
       01  WS-SRC              PIC 9(5)V9(3) VALUE 12345.678.
       PROCEDURE DIVISION.
       MAIN-PARA.
           MOVE 3.06 TO WS-A
           DISPLAY "A-3.06=" WS-A
           MOVE 1234.5 TO WS-A
           DISPLAY "A-1234.5=" WS-A
           MOVE WS-SRC TO WS-B
           DISPLAY "B-SRC=" WS-B
           MOVE WS-SRC TO WS-C
           DISPLAY "C-SRC=" WS-C
           MOVE WS-SRC TO WS-D
           DISPLAY "D-SRC=" WS-D
           MOVE -7.25 TO WS-E
           DISPLAY "E-NEG=" WS-E
           MOVE -7.25 TO WS-A
           DISPLAY "A-UNSIGNED=" WS-A
           MOVE WS-SRC TO WS-F
           DISPLAY "F-SRC=" WS-F
           MOVE 5 TO WS-D
           DISPLAY "D-5=" WS-D
           MOVE .5 TO WS-C
           DISPLAY "C-.5=" WS-C
           STOP RUN.
