      * RC-RETURN-CODE: the process exit status is RETURN-CODE at STOP
      * RUN; RETURN-CODE is a numeric special register that can be
      * computed, displayed and tested.
       IDENTIFICATION DIVISION.
       PROGRAM-ID. RC-RETURN-CODE.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-ERRORS           PIC 99 VALUE 0.
       01  WS-I                PIC 99.
       01  WS-DATA             PIC X(6) VALUE "1X3Y5Z".
       PROCEDURE DIVISION.
       MAIN-PARA.
           DISPLAY "RC-INITIAL=" RETURN-CODE
           PERFORM VARYING WS-I FROM 1 BY 1 UNTIL WS-I > 6
               IF WS-DATA(WS-I:1) IS NOT NUMERIC
                   ADD 1 TO WS-ERRORS
               END-IF
           END-PERFORM
           DISPLAY "ERRORS=" WS-ERRORS
           IF WS-ERRORS > 0
               COMPUTE RETURN-CODE = WS-ERRORS * 4
           END-IF
           DISPLAY "RC-SET=" RETURN-CODE
           IF RETURN-CODE > 8
               DISPLAY "SEVERE=Y"
           END-IF
           STOP RUN.
