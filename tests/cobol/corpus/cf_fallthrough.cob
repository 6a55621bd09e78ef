      * CF-FALLTHROUGH: control falls from one paragraph into the next
      * when not PERFORMed; the same paragraph PERFORMed returns at its
      * end.  Exit status comes from RETURN-CODE at STOP RUN.
       IDENTIFICATION DIVISION.
       PROGRAM-ID. CF-FALLTHROUGH.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-COUNT            PIC 99 VALUE 0.
       PROCEDURE DIVISION.
       FIRST-PARA.
           DISPLAY "FIRST"
           ADD 1 TO WS-COUNT.
       SECOND-PARA.
           DISPLAY "SECOND COUNT=" WS-COUNT
           ADD 1 TO WS-COUNT.
       THIRD-PARA.
           DISPLAY "THIRD COUNT=" WS-COUNT
           IF WS-COUNT < 5
               PERFORM SECOND-PARA
               DISPLAY "BACK-FROM-SECOND COUNT=" WS-COUNT
               ADD 1 TO WS-COUNT
               GO TO SECOND-PARA
           END-IF.
       LAST-PARA.
           DISPLAY "LAST COUNT=" WS-COUNT
           MOVE WS-COUNT TO RETURN-CODE
           STOP RUN.
       NEVER-PARA.
           DISPLAY "NEVER".
