      * CF-EVALUATE: EVALUATE with two subjects joined by ALSO, THRU
      * ranges, ANY, NOT, several WHENs sharing one action, first
      * match wins, and WHEN OTHER.
       IDENTIFICATION DIVISION.
       PROGRAM-ID. CF-EVALUATE.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-AGE              PIC 9(3).
       01  WS-KIND             PIC X.
       01  WS-I                PIC 9.
       01  WS-AGES             PIC X(21) VALUE "005017030065099017040".
       01  WS-KINDS            PIC X(7) VALUE "AABBCAC".
       01  WS-CODE             PIC 9.
       PROCEDURE DIVISION.
       MAIN-PARA.
           PERFORM VARYING WS-I FROM 1 BY 1 UNTIL WS-I > 7
               MOVE WS-AGES((WS-I - 1) * 3 + 1:3) TO WS-AGE
               MOVE WS-KINDS(WS-I:1) TO WS-KIND
               EVALUATE WS-AGE ALSO WS-KIND
                   WHEN 0 THRU 12 ALSO ANY
                       DISPLAY WS-AGE WS-KIND "=CHILD"
                   WHEN 13 THRU 19 ALSO "A"
                   WHEN 13 THRU 19 ALSO "C"
                       DISPLAY WS-AGE WS-KIND "=TEEN-A-OR-C"
                   WHEN 20 THRU 64 ALSO NOT "B"
                       DISPLAY WS-AGE WS-KIND "=ADULT-NOT-B"
                   WHEN 20 THRU 99 ALSO "B"
                       DISPLAY WS-AGE WS-KIND "=ADULT-B"
                   WHEN 65 THRU 99 ALSO ANY
                       DISPLAY WS-AGE WS-KIND "=SENIOR"
                   WHEN OTHER
                       DISPLAY WS-AGE WS-KIND "=OTHER"
               END-EVALUATE
           END-PERFORM
           PERFORM VARYING WS-CODE FROM 1 BY 1 UNTIL WS-CODE > 4
               EVALUATE WS-CODE + 1
                   WHEN 2 DISPLAY "CODE+1=TWO"
                   WHEN 3 WHEN 4 DISPLAY "CODE+1=THREE-OR-FOUR"
                   WHEN OTHER DISPLAY "CODE+1=OTHER"
               END-EVALUATE
           END-PERFORM
           STOP RUN.
