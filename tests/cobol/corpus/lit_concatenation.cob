      * LIT-CONCATENATION: alphanumeric literals joined with '&' are
      * one literal, also across lines, in MOVE, DISPLAY and a
      * comparison.
       IDENTIFICATION DIVISION.
       PROGRAM-ID. LIT-CONCATENATION.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-TEXT             PIC X(12).
       PROCEDURE DIVISION.
       MAIN-PARA.
           MOVE "AB" & "CD" TO WS-TEXT
           DISPLAY "[" WS-TEXT "]"
           MOVE 'left-' & "mid-"
              & 'right-end' TO WS-TEXT
           DISPLAY "[" WS-TEXT "]"
           DISPLAY "one " & "literal" " and another"
           IF WS-TEXT = "left-" & "mid-rig"
               DISPLAY "EQUAL"
           ELSE
               DISPLAY "NOT EQUAL"
           END-IF
           STOP RUN.
