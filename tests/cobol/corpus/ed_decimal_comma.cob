      * ED-DECIMAL-COMMA: DECIMAL-POINT IS COMMA swaps the roles of the
      * point and the comma in pictures, literals and editing.
       IDENTIFICATION DIVISION.
       PROGRAM-ID. ED-DECIMAL-COMMA.
       ENVIRONMENT DIVISION.
       CONFIGURATION SECTION.
       SPECIAL-NAMES.
           DECIMAL-POINT IS COMMA.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-V                PIC S9(7)V99 VALUE 1234567,89.
       01  WS-ED               PIC Z.ZZZ.ZZ9,99.
       01  WS-ED-NEG           PIC -.---.--9,99.
       01  WS-ED-CUR           PIC $$.$$9,9.
       01  WS-SMALL            PIC 9V99.
       PROCEDURE DIVISION.
       MAIN-PARA.
           MOVE WS-V TO WS-ED
           DISPLAY "ED=[" WS-ED "]"
           DISPLAY "RAW=" WS-V
           MOVE -1234,5 TO WS-ED-NEG
           DISPLAY "ED-NEG=[" WS-ED-NEG "]"
           MOVE 12,25 TO WS-ED-CUR
           DISPLAY "ED-CUR=[" WS-ED-CUR "]"
           COMPUTE WS-SMALL = 1,5 * 3
           DISPLAY "SMALL=" WS-SMALL
           MOVE 0,07 TO WS-ED
           DISPLAY "ED-SMALL=[" WS-ED "]"
           STOP RUN.
