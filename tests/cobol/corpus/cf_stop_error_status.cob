      * CF-STOP-ERROR-STATUS: STOP RUN WITH ERROR STATUS ends the run
      * with exit status 1 (RETURN-CODE is not used); nothing after it
      * runs.
      * The exit status is 1 although RETURN-CODE holds 5: the ERROR
      * status replaces it.  WITH ERROR STATUS n would give n.
       IDENTIFICATION DIVISION.
       PROGRAM-ID. CF-STOP-ERROR-STATUS.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-N                PIC 9 VALUE 0.
       PROCEDURE DIVISION.
       MAIN-PARA.
           MOVE 5 TO RETURN-CODE
           ADD 2 TO WS-N
           DISPLAY "BEFORE " WS-N
           IF WS-N = 2
               STOP RUN WITH ERROR STATUS
           END-IF
           DISPLAY "NOT REACHED"
           STOP RUN.
