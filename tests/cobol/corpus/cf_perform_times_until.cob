      * CF-PERFORM-TIMES-UNTIL: PERFORM n TIMES (count taken once),
      * PERFORM UNTIL (tested before: may run zero times) and WITH
      * TEST AFTER (always runs once).
       IDENTIFICATION DIVISION.
       PROGRAM-ID. CF-PERFORM-TIMES-UNTIL.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-N                PIC 9(3) VALUE 0.
       01  WS-COUNT            PIC 9(3) VALUE 3.
       01  WS-RUNS             PIC 9(3) VALUE 0.
       PROCEDURE DIVISION.
       MAIN-PARA.
           PERFORM BUMP WS-COUNT TIMES
           DISPLAY "TIMES-RUNS=" WS-RUNS
           DISPLAY "TIMES-COUNT-AFTER=" WS-COUNT
           MOVE 0 TO WS-RUNS
           PERFORM BUMP 0 TIMES
           DISPLAY "ZERO-TIMES=" WS-RUNS
           MOVE 0 TO WS-RUNS
           MOVE 10 TO WS-N
           PERFORM BUMP UNTIL WS-N > 5
           DISPLAY "UNTIL-BEFORE-RUNS=" WS-RUNS
           MOVE 0 TO WS-RUNS
           PERFORM BUMP WITH TEST AFTER UNTIL WS-N > 5
           DISPLAY "UNTIL-AFTER-RUNS=" WS-RUNS
           MOVE 0 TO WS-RUNS
           MOVE 0 TO WS-N
           PERFORM WITH TEST BEFORE UNTIL WS-N >= 4
               ADD 1 TO WS-N
               ADD 1 TO WS-RUNS
           END-PERFORM
           DISPLAY "INLINE-BEFORE-N=" WS-N
           MOVE 0 TO WS-N
           PERFORM WITH TEST AFTER UNTIL WS-N >= 4
               ADD 2 TO WS-N
           END-PERFORM
           DISPLAY "INLINE-AFTER-N=" WS-N
           STOP RUN.
       BUMP.
           ADD 1 TO WS-RUNS
           ADD 1 TO WS-N
           MOVE 1 TO WS-COUNT.
