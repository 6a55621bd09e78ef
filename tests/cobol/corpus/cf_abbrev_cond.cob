      * CF-ABBREV-COND: abbreviated combined relation conditions
      * (A = 1 OR 2, A > 1 AND < 5, A NOT = 1 AND 2), AND binding
      * tighter than OR, and NOT on parenthesised conditions.
       IDENTIFICATION DIVISION.
       PROGRAM-ID. CF-ABBREV-COND.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-A                PIC 9.
       01  WS-B                PIC 9 VALUE 3.
       01  WS-R                PIC X(3).
       PROCEDURE DIVISION.
       MAIN-PARA.
           PERFORM VARYING WS-A FROM 0 BY 1 UNTIL WS-A > 6
               MOVE "---" TO WS-R
               IF WS-A = 1 OR 2 OR 5
                   MOVE "Y" TO WS-R(1:1)
               ELSE
                   MOVE "N" TO WS-R(1:1)
               END-IF
               IF WS-A > 1 AND < 5
                   MOVE "Y" TO WS-R(2:1)
               ELSE
                   MOVE "N" TO WS-R(2:1)
               END-IF
               IF WS-A NOT = 1 AND 2
                   MOVE "Y" TO WS-R(3:1)
               ELSE
                   MOVE "N" TO WS-R(3:1)
               END-IF
               DISPLAY "A=" WS-A " ABBREV=" WS-R
               MOVE "---" TO WS-R
               IF WS-A = 0 OR WS-A = 6 AND WS-B = 4
                   MOVE "Y" TO WS-R(1:1)
               END-IF
               IF (WS-A = 0 OR WS-A = 6) AND WS-B = 4
                   MOVE "Y" TO WS-R(2:1)
               END-IF
               IF NOT (WS-A < 2 OR WS-A > 4)
                   MOVE "Y" TO WS-R(3:1)
               END-IF
               DISPLAY "A=" WS-A " PREC=" WS-R
           END-PERFORM
           IF WS-B = 3 AND WS-A = 7 OR 8
               DISPLAY "MIXED-SUBJECT=Y"
           END-IF
           STOP RUN.
