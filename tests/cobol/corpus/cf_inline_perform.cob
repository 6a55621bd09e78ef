      * CF-INLINE-PERFORM: inline PERFORM ... END-PERFORM bodies (TIMES,
      * VARYING, UNTIL), nested inline loops, and EXIT PERFORM.
       IDENTIFICATION DIVISION.
       PROGRAM-ID. CF-INLINE-PERFORM.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-I                PIC 99.
       01  WS-J                PIC 99.
       01  WS-TOTAL            PIC 9(4) VALUE 0.
       01  WS-LINE             PIC X(10).
       PROCEDURE DIVISION.
       MAIN-PARA.
           PERFORM 3 TIMES
               ADD 7 TO WS-TOTAL
           END-PERFORM
           DISPLAY "TIMES-TOTAL=" WS-TOTAL
           PERFORM VARYING WS-I FROM 1 BY 1 UNTIL WS-I > 4
               MOVE SPACES TO WS-LINE
               PERFORM VARYING WS-J FROM 1 BY 1 UNTIL WS-J > WS-I
                   MOVE "*" TO WS-LINE(WS-J:1)
               END-PERFORM
               DISPLAY "ROW-" WS-I "=[" WS-LINE "]"
           END-PERFORM
           MOVE 0 TO WS-TOTAL
           PERFORM VARYING WS-I FROM 1 BY 1 UNTIL WS-I > 50
               IF WS-I * WS-I > 30
                   EXIT PERFORM
               END-IF
               ADD WS-I TO WS-TOTAL
           END-PERFORM
           DISPLAY "EXIT-PERFORM-I=" WS-I
           DISPLAY "EXIT-PERFORM-TOTAL=" WS-TOTAL
           MOVE 0 TO WS-TOTAL
           PERFORM VARYING WS-I FROM 1 BY 1 UNTIL WS-I > 7
               IF WS-I = 2 OR WS-I = 4
                   EXIT PERFORM CYCLE
               END-IF
               ADD WS-I TO WS-TOTAL
           END-PERFORM
           DISPLAY "CYCLE-TOTAL=" WS-TOTAL
           STOP RUN.
