      * AR-ROUNDED: ROUNDED without a MODE rounds half away from zero;
      * without ROUNDED the extra digits are truncated.
       IDENTIFICATION DIVISION.
       PROGRAM-ID. AR-ROUNDED.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-R                PIC S9(3)V9.
       01  WS-I                PIC S9(3).
       01  WS-X                PIC S9(3)V999 VALUE 2.45.
       PROCEDURE DIVISION.
       MAIN-PARA.
           COMPUTE WS-R ROUNDED = 2.45
           DISPLAY "2.45-R=" WS-R
           COMPUTE WS-R = 2.45
           DISPLAY "2.45-T=" WS-R
           COMPUTE WS-R ROUNDED = -2.45
           DISPLAY "-2.45-R=" WS-R
           COMPUTE WS-R ROUNDED = 2.449
           DISPLAY "2.449-R=" WS-R
           COMPUTE WS-I ROUNDED = 2.5
           DISPLAY "2.5-R=" WS-I
           COMPUTE WS-I ROUNDED = 3.5
           DISPLAY "3.5-R=" WS-I
           COMPUTE WS-I ROUNDED = -2.5
           DISPLAY "-2.5-R=" WS-I
           COMPUTE WS-I = -2.9
           DISPLAY "-2.9-T=" WS-I
           ADD WS-X TO WS-X GIVING WS-R ROUNDED
           DISPLAY "ADD-R=" WS-R
           MULTIPLY WS-X BY 3 GIVING WS-I ROUNDED
           DISPLAY "MUL-R=" WS-I
           DIVIDE 2 INTO 5 GIVING WS-I ROUNDED
           DISPLAY "DIV-R=" WS-I
           DIVIDE 3 INTO 2 GIVING WS-R ROUNDED
           DISPLAY "2/3-R=" WS-R
           COMPUTE WS-I ROUNDED = 999.5
           DISPLAY "999.5-R=" WS-I
           STOP RUN.
