      * ED-SIGN: sign editing: fixed and floating + and -, and the
      * CR and DB credit/debit symbols.
       IDENTIFICATION DIVISION.
       PROGRAM-ID. ED-SIGN.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-PLUS-L           PIC +9(3).
       01  WS-MINUS-L          PIC -9(3).
       01  WS-PLUS-T           PIC 9(3)+.
       01  WS-MINUS-T          PIC 9(3)-.
       01  WS-FLOAT-PLUS       PIC ++++9.
       01  WS-FLOAT-MINUS      PIC ----9.99.
       01  WS-CR               PIC 9(3).99CR.
       01  WS-DB               PIC ZZ9DB.
       01  WS-V                PIC S9(3)V99.
       01  WS-K                PIC 9.
       PROCEDURE DIVISION.
       MAIN-PARA.
           MOVE 42 TO WS-V
           PERFORM SHOW-ALL
           MOVE -42.75 TO WS-V
           PERFORM SHOW-ALL
           MOVE 0 TO WS-V
           PERFORM SHOW-ALL
           STOP RUN.
       SHOW-ALL.
           DISPLAY "VALUE=" WS-V
           MOVE WS-V TO WS-PLUS-L
           DISPLAY "  PLUS-L=[" WS-PLUS-L "]"
           MOVE WS-V TO WS-MINUS-L
           DISPLAY "  MINUS-L=[" WS-MINUS-L "]"
           MOVE WS-V TO WS-PLUS-T
           DISPLAY "  PLUS-T=[" WS-PLUS-T "]"
           MOVE WS-V TO WS-MINUS-T
           DISPLAY "  MINUS-T=[" WS-MINUS-T "]"
           MOVE WS-V TO WS-FLOAT-PLUS
           DISPLAY "  FLOAT-PLUS=[" WS-FLOAT-PLUS "]"
           MOVE WS-V TO WS-FLOAT-MINUS
           DISPLAY "  FLOAT-MINUS=[" WS-FLOAT-MINUS "]"
           MOVE WS-V TO WS-CR
           DISPLAY "  CR=[" WS-CR "]"
           MOVE WS-V TO WS-DB
           DISPLAY "  DB=[" WS-DB "]".
