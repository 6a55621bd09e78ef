      * AR-MUL-DIV: MULTIPLY and DIVIDE (BY / INTO / GIVING) with
      * truncated results, and DIVIDE ... REMAINDER.
       IDENTIFICATION DIVISION.
       PROGRAM-ID. AR-MUL-DIV.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-A                PIC S9(4)V99 VALUE 12.5.
       01  WS-B                PIC S9(4)V99 VALUE 4.
       01  WS-C                PIC S9(4)V99.
       01  WS-Q                PIC S9(4).
       01  WS-R                PIC S9(4)V99.
       01  WS-N                PIC 9(3) VALUE 17.
       PROCEDURE DIVISION.
       MAIN-PARA.
           MULTIPLY WS-A BY WS-B
           DISPLAY "MUL-BY=" WS-B
           MULTIPLY 3 BY WS-A GIVING WS-C
           DISPLAY "MUL-GIVING=" WS-C
           MOVE 7 TO WS-B
           DIVIDE WS-B INTO WS-A
           DISPLAY "DIV-INTO=" WS-A
           DIVIDE 100 BY 8 GIVING WS-C
           DISPLAY "DIV-BY-GIVING=" WS-C
           DIVIDE 3 INTO 100 GIVING WS-Q
           DISPLAY "DIV-INTO-GIVING=" WS-Q
           DIVIDE WS-N BY 5 GIVING WS-Q REMAINDER WS-R
           DISPLAY "Q=" WS-Q
           DISPLAY "R=" WS-R
           DIVIDE -17 BY 5 GIVING WS-Q REMAINDER WS-R
           DISPLAY "NEG-Q=" WS-Q
           DISPLAY "NEG-R=" WS-R
           DIVIDE 17.5 BY 4 GIVING WS-Q REMAINDER WS-R
           DISPLAY "FRAC-Q=" WS-Q
           DISPLAY "FRAC-R=" WS-R
           DIVIDE 10 BY 4 GIVING WS-Q ROUNDED REMAINDER WS-R
           DISPLAY "ROUND-Q=" WS-Q
           DISPLAY "ROUND-R=" WS-R
           STOP RUN.
