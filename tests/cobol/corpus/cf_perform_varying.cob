      * CF-PERFORM-VARYING: PERFORM VARYING ... AFTER nests two loops;
      * the inner variable is reset for each outer value and the final
      * values are one step past the limit.
       IDENTIFICATION DIVISION.
       PROGRAM-ID. CF-PERFORM-VARYING.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-I                PIC 99.
       01  WS-J                PIC 99.
       01  WS-K                PIC S99.
       01  WS-SUM              PIC 9(4) VALUE 0.
       PROCEDURE DIVISION.
       MAIN-PARA.
           PERFORM SHOW-PAIR VARYING WS-I FROM 1 BY 1 UNTIL WS-I > 3
               AFTER WS-J FROM 1 BY 2 UNTIL WS-J > 4
           DISPLAY "FINAL-I=" WS-I
           DISPLAY "FINAL-J=" WS-J
           PERFORM VARYING WS-K FROM 10 BY -3 UNTIL WS-K < 0
               ADD WS-K TO WS-SUM
           END-PERFORM
           DISPLAY "DOWN-SUM=" WS-SUM
           DISPLAY "DOWN-FINAL-K=" WS-K
           MOVE 0 TO WS-SUM
           PERFORM VARYING WS-I FROM 5 BY 1 UNTIL WS-I > 4
               ADD 1 TO WS-SUM
           END-PERFORM
           DISPLAY "NEVER-RUNS=" WS-SUM
           DISPLAY "NEVER-I=" WS-I
           STOP RUN.
       SHOW-PAIR.
           DISPLAY "PAIR=" WS-I "," WS-J.
