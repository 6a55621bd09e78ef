      * CF-GOTO-EXIT: a GO TO to the last paragraph of a PERFORM THRU
      * range ends the PERFORM normally; a GO TO out of the range
      * continues from the target and falls through from there.
       IDENTIFICATION DIVISION.
       PROGRAM-ID. CF-GOTO-EXIT.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-N                PIC 9 VALUE 0.
       01  WS-LOG              PIC X(30) VALUE SPACES.
       01  WS-P                PIC 99 VALUE 1.
       PROCEDURE DIVISION.
       MAIN-PARA.
           MOVE 1 TO WS-N
           PERFORM CHECK-PARA THRU CHECK-EXIT
           DISPLAY "N1=[" WS-LOG "]"
           MOVE SPACES TO WS-LOG
           MOVE 1 TO WS-P
           MOVE 2 TO WS-N
           PERFORM CHECK-PARA THRU CHECK-EXIT
           DISPLAY "N2=[" WS-LOG "]"
           MOVE SPACES TO WS-LOG
           MOVE 1 TO WS-P
           MOVE 9 TO WS-N
           PERFORM CHECK-PARA THRU CHECK-EXIT
           DISPLAY "NOT-REACHED=[" WS-LOG "]"
           STOP RUN.
       CHECK-PARA.
           STRING "C" DELIMITED BY SIZE INTO WS-LOG POINTER WS-P
           IF WS-N = 1
               GO TO CHECK-EXIT
           END-IF
           IF WS-N = 9
               GO TO ESCAPE-PARA
           END-IF
           STRING "2" DELIMITED BY SIZE INTO WS-LOG POINTER WS-P.
       CHECK-MORE.
           STRING "M" DELIMITED BY SIZE INTO WS-LOG POINTER WS-P.
       CHECK-EXIT.
           STRING "X" DELIMITED BY SIZE INTO WS-LOG POINTER WS-P.
       ESCAPE-PARA.
           STRING "E" DELIMITED BY SIZE INTO WS-LOG POINTER WS-P
           DISPLAY "ESCAPED=[" WS-LOG "]".
       AFTER-ESCAPE.
           DISPLAY "FELL-THROUGH=Y"
           STOP RUN.
