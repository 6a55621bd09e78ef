      * CF-STOP-NORMAL-STATUS: STOP RUN WITH NORMAL STATUS item ends
      * the run with the item's value as exit status.
      * WS-CODE ends at 6 after three additions, and that is the exit
      * status; RETURN-CODE (9) is not used.  Without an operand,
      * STOP RUN WITH NORMAL STATUS gives 0.
      * Nothing after the STOP RUN runs.
       IDENTIFICATION DIVISION.
       PROGRAM-ID. CF-STOP-NORMAL-STATUS.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-CODE             PIC 99 VALUE 0.
       PROCEDURE DIVISION.
       MAIN-PARA.
           MOVE 9 TO RETURN-CODE
           PERFORM 3 TIMES
               ADD 2 TO WS-CODE
           END-PERFORM
           DISPLAY "CODE " WS-CODE
           STOP RUN WITH NORMAL STATUS WS-CODE
           DISPLAY "NOT REACHED".
