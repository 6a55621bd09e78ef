      * CF-EVALUATE-TRUE: EVALUATE TRUE picks the first WHEN whose
      * condition holds; EVALUATE FALSE the first that fails; the
      * subjects TRUE ALSO a value mix conditions and values.
       IDENTIFICATION DIVISION.
       PROGRAM-ID. CF-EVALUATE-TRUE.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-N                PIC S9(3).
       01  WS-T                PIC X.
           88  T-OPEN          VALUE "O".
       PROCEDURE DIVISION.
       MAIN-PARA.
           PERFORM VARYING WS-N FROM -5 BY 5 UNTIL WS-N > 15
               EVALUATE TRUE
                   WHEN WS-N < 0
                       DISPLAY "TRUE " WS-N "=NEGATIVE"
                   WHEN WS-N = 0
                       DISPLAY "TRUE " WS-N "=ZERO"
                   WHEN WS-N > 0 AND WS-N < 10
                       DISPLAY "TRUE " WS-N "=SMALL"
                   WHEN WS-N > 0
                       DISPLAY "TRUE " WS-N "=LARGE"
               END-EVALUATE
               EVALUATE FALSE
                   WHEN WS-N < 10
                       DISPLAY "FALSE " WS-N "=NOT-UNDER-10"
                   WHEN OTHER
                       DISPLAY "FALSE " WS-N "=UNDER-10"
               END-EVALUATE
           END-PERFORM
           MOVE "O" TO WS-T
           MOVE 7 TO WS-N
           EVALUATE TRUE ALSO WS-N
               WHEN T-OPEN ALSO 1 THRU 5
                   DISPLAY "MIX=OPEN-LOW"
               WHEN T-OPEN ALSO 6 THRU 9
                   DISPLAY "MIX=OPEN-HIGH"
               WHEN OTHER
                   DISPLAY "MIX=OTHER"
           END-EVALUATE
           EVALUATE WS-N > 5 ALSO T-OPEN
               WHEN FALSE ALSO ANY
                   DISPLAY "COND=SMALL"
               WHEN TRUE ALSO FALSE
                   DISPLAY "COND=BIG-CLOSED"
               WHEN TRUE ALSO TRUE
                   DISPLAY "COND=BIG-OPEN"
           END-EVALUATE
           STOP RUN.
