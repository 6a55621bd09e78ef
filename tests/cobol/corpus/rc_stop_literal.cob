      * RC-STOP-LITERAL: STOP RUN RETURNING n ends the run with exit
      * status n, ignoring RETURN-CODE, and statements after it never
      * run.
       IDENTIFICATION DIVISION.
       PROGRAM-ID. RC-STOP-LITERAL.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-FLAG             PIC X VALUE "N".
       PROCEDURE DIVISION.
       MAIN-PARA.
           MOVE 3 TO RETURN-CODE
           DISPLAY "RC=" RETURN-CODE
           PERFORM CHECK-PARA
           DISPLAY "NOT-REACHED"
           STOP RUN.
       CHECK-PARA.
           MOVE "Y" TO WS-FLAG
           IF WS-FLAG = "Y"
               DISPLAY "STOPPING"
               STOP RUN RETURNING 2
           END-IF
           DISPLAY "NOT-REACHED-EITHER".
