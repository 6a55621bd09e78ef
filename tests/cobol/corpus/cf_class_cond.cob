      * CF-CLASS-COND: class conditions NUMERIC, ALPHABETIC,
      * ALPHABETIC-UPPER / -LOWER on alphanumeric and numeric items,
      * and the sign conditions POSITIVE / NEGATIVE / ZERO.
       IDENTIFICATION DIVISION.
       PROGRAM-ID. CF-CLASS-COND.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-SAMPLES          PIC X(24)
               VALUE "1234ABCDab c12 4    -12 ".
       01  WS-S                PIC X(4).
       01  WS-I                PIC 99.
       01  WS-R                PIC X(4).
       01  WS-NUM              PIC S9(3).
       PROCEDURE DIVISION.
       MAIN-PARA.
           PERFORM VARYING WS-I FROM 1 BY 4 UNTIL WS-I > 24
               MOVE WS-SAMPLES(WS-I:4) TO WS-S
               MOVE "----" TO WS-R
               IF WS-S IS NUMERIC MOVE "N" TO WS-R(1:1) END-IF
               IF WS-S IS ALPHABETIC MOVE "A" TO WS-R(2:1) END-IF
               IF WS-S IS ALPHABETIC-UPPER MOVE "U" TO WS-R(3:1)
               END-IF
               IF WS-S IS ALPHABETIC-LOWER MOVE "L" TO WS-R(4:1)
               END-IF
               DISPLAY "[" WS-S "]=" WS-R
           END-PERFORM
           MOVE -5 TO WS-NUM
           PERFORM SHOW-SIGN
           MOVE 0 TO WS-NUM
           PERFORM SHOW-SIGN
           MOVE 12 TO WS-NUM
           PERFORM SHOW-SIGN
           IF WS-NUM IS NUMERIC DISPLAY "SIGNED-NUMERIC=Y" END-IF
           STOP RUN.
       SHOW-SIGN.
           EVALUATE TRUE
               WHEN WS-NUM IS POSITIVE DISPLAY WS-NUM "=POSITIVE"
               WHEN WS-NUM IS NEGATIVE DISPLAY WS-NUM "=NEGATIVE"
               WHEN WS-NUM IS ZERO DISPLAY WS-NUM "=ZERO"
           END-EVALUATE.
