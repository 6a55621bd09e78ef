      * CF-IF-NESTING: nested IF/ELSE closed by END-IF, and the same
      * logic in a sentence where one period closes every open IF,
      * and NEXT SENTENCE jumping past the next period.
       IDENTIFICATION DIVISION.
       PROGRAM-ID. CF-IF-NESTING.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-A                PIC 9 VALUE 0.
       01  WS-B                PIC 9 VALUE 0.
       01  WS-N                PIC 9 VALUE 0.
       PROCEDURE DIVISION.
       MAIN-PARA.
           PERFORM VARYING WS-N FROM 1 BY 1 UNTIL WS-N > 4
               DIVIDE WS-N BY 2 GIVING WS-A REMAINDER WS-B
               IF WS-B = 0
                   IF WS-N > 2
                       DISPLAY "END-IF " WS-N "=EVEN-BIG"
                   ELSE
                       DISPLAY "END-IF " WS-N "=EVEN-SMALL"
                   END-IF
                   DISPLAY "END-IF " WS-N "=AFTER-INNER"
               ELSE
                   DISPLAY "END-IF " WS-N "=ODD"
               END-IF
               DISPLAY "END-IF " WS-N "=ALWAYS"
           END-PERFORM
           MOVE 1 TO WS-N
           PERFORM PERIOD-PARA 4 TIMES
           IF WS-N > 100
               CONTINUE
           ELSE
               IF WS-N = 5 NEXT SENTENCE END-IF
               DISPLAY "NOT-REACHED"
           END-IF
           DISPLAY "AFTER-NEXT-SENTENCE=NOT-REACHED".
           DISPLAY "NEXT-SENTENCE=" WS-N
           STOP RUN.
       PERIOD-PARA.
           DIVIDE WS-N BY 2 GIVING WS-A REMAINDER WS-B
           IF WS-B = 0
               IF WS-N > 2
                   DISPLAY "PERIOD " WS-N "=EVEN-BIG"
               ELSE
                   DISPLAY "PERIOD " WS-N "=EVEN-SMALL"
           ELSE
               DISPLAY "PERIOD " WS-N "=ODD".
           DISPLAY "PERIOD " WS-N "=ALWAYS"
           IF WS-N = 3 DISPLAY "PERIOD " WS-N "=THREE"
               DISPLAY "PERIOD " WS-N "=STILL-IN-IF".
           ADD 1 TO WS-N.
