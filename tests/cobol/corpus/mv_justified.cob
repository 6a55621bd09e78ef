      * MV-JUSTIFIED: JUSTIFIED RIGHT receivers pad on the left and
      * truncate on the left.
       IDENTIFICATION DIVISION.
       PROGRAM-ID. MV-JUSTIFIED.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-R8               PIC X(8) JUSTIFIED RIGHT.
       01  WS-R3               PIC X(3) JUST RIGHT.
       01  WS-L8               PIC X(8).
       01  WS-INIT             PIC X(6) JUSTIFIED RIGHT VALUE "AB".
       PROCEDURE DIVISION.
       MAIN-PARA.
           MOVE "ABC" TO WS-R8
           DISPLAY "R8=[" WS-R8 "]"
           MOVE "ABCDEFG" TO WS-R3
           DISPLAY "R3=[" WS-R3 "]"
           MOVE "ABC" TO WS-L8
           DISPLAY "L8=[" WS-L8 "]"
           MOVE WS-R8 TO WS-L8
           DISPLAY "R8-TO-L8=[" WS-L8 "]"
           MOVE "XY" TO WS-L8
           MOVE WS-L8 TO WS-R3
           DISPLAY "L8-TO-R3=[" WS-R3 "]"
           DISPLAY "INIT=[" WS-INIT "]"
           MOVE 42 TO WS-R8
           DISPLAY "NUM=[" WS-R8 "]"
           STOP RUN.
