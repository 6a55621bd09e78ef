      * CF-GOTO-DEPENDING: GO TO ... DEPENDING ON jumps to the n-th
      * paragraph; an index out of range falls through to the next
      * statement.
       IDENTIFICATION DIVISION.
       PROGRAM-ID. CF-GOTO-DEPENDING.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-K                PIC S9 VALUE 0.
       01  WS-I                PIC 9 VALUE 0.
       01  WS-KEYS             PIC X(5) VALUE "21304".
       PROCEDURE DIVISION.
       MAIN-PARA.
           PERFORM VARYING WS-I FROM 1 BY 1 UNTIL WS-I > 5
               MOVE WS-KEYS(WS-I:1) TO WS-K
               PERFORM DISPATCH THRU DISPATCH-EXIT
           END-PERFORM
           MOVE -1 TO WS-K
           PERFORM DISPATCH THRU DISPATCH-EXIT
           STOP RUN.
       DISPATCH.
           GO TO ONE-PARA TWO-PARA THREE-PARA DEPENDING ON WS-K
           DISPLAY "K=" WS-K " OUT-OF-RANGE"
           GO TO DISPATCH-EXIT.
       ONE-PARA.
           DISPLAY "K=" WS-K " ONE"
           GO TO DISPATCH-EXIT.
       TWO-PARA.
           DISPLAY "K=" WS-K " TWO".
       THREE-PARA.
           DISPLAY "K=" WS-K " THREE".
       DISPATCH-EXIT.
           EXIT.
