      * AR-COMPUTE: COMPUTE operator precedence (unary minus, **,
      * * and /, + and -), left-to-right evaluation and parentheses.
       IDENTIFICATION DIVISION.
       PROGRAM-ID. AR-COMPUTE.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-A                PIC S9(3) VALUE 2.
       01  WS-B                PIC S9(3) VALUE 3.
       01  WS-C                PIC S9(3) VALUE 4.
       01  WS-R                PIC S9(7)V9(4).
       01  WS-X                PIC S9(5).
       01  WS-Y                PIC S9(5).
       PROCEDURE DIVISION.
       MAIN-PARA.
           COMPUTE WS-R = WS-A + WS-B * WS-C
           DISPLAY "A+B*C=" WS-R
           COMPUTE WS-R = (WS-A + WS-B) * WS-C
           DISPLAY "(A+B)*C=" WS-R
           COMPUTE WS-R = WS-A ** WS-B ** 2
           DISPLAY "A**B**2=" WS-R
           COMPUTE WS-R = 2 ** 10 - 1
           DISPLAY "2**10-1=" WS-R
           COMPUTE WS-R = - WS-A ** 2
           DISPLAY "-A**2=" WS-R
           COMPUTE WS-R = 100 / WS-C / WS-A
           DISPLAY "100/C/A=" WS-R
           COMPUTE WS-R = 10 - WS-B - WS-A
           DISPLAY "10-B-A=" WS-R
           COMPUTE WS-R = 2 ** -2
           DISPLAY "2**-2=" WS-R
           COMPUTE WS-R = 16 ** 0.5
           DISPLAY "16**0.5=" WS-R
           COMPUTE WS-R = WS-B * (WS-C - (WS-A + 1)) / 2
           DISPLAY "NESTED=" WS-R
           COMPUTE WS-X WS-Y = WS-A * 100 + WS-B
           DISPLAY "MULTI-X=" WS-X
           DISPLAY "MULTI-Y=" WS-Y
           COMPUTE WS-R = 7 / 2 * 2
           DISPLAY "7/2*2=" WS-R
           STOP RUN.
