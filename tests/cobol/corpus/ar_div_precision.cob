      * AR-DIV-PRECISION: the precision of intermediate results in a
      * COMPUTE: 1 / 3 * 3 is not 1, digits of a quotient beyond the
      * intermediate scale are lost, and the order of operations
      * decides the result.
       IDENTIFICATION DIVISION.
       PROGRAM-ID. AR-DIV-PRECISION.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-R2               PIC S9(5)V99.
       01  WS-R9               PIC S9(3)V9(9).
       01  WS-I                PIC S9(5).
       01  WS-A                PIC S9(3) VALUE 1.
       01  WS-B                PIC S9(3) VALUE 3.
       01  WS-P                PIC S9(3)V99 VALUE 10.
       PROCEDURE DIVISION.
       MAIN-PARA.
           COMPUTE WS-R2 = WS-A / WS-B * WS-B
           DISPLAY "1/3*3-V99=" WS-R2
           COMPUTE WS-R9 = WS-A / WS-B * WS-B
           DISPLAY "1/3*3-V9=" WS-R9
           COMPUTE WS-R2 = WS-A * WS-B / WS-B
           DISPLAY "1*3/3=" WS-R2
           COMPUTE WS-R9 = WS-A / WS-B
           DISPLAY "1/3-V9=" WS-R9
           COMPUTE WS-R9 = 2 / 3
           DISPLAY "2/3-V9=" WS-R9
           COMPUTE WS-R9 ROUNDED = 2 / 3
           DISPLAY "2/3-V9-R=" WS-R9
           COMPUTE WS-I = WS-P / WS-B * 300
           DISPLAY "10/3*300=" WS-I
           COMPUTE WS-R2 = WS-P / 7 + WS-P / 7
           DISPLAY "10/7+10/7=" WS-R2
           COMPUTE WS-R2 ROUNDED = 1000 / 7 * 7
           DISPLAY "1000/7*7=" WS-R2
           DIVIDE WS-B INTO WS-A GIVING WS-R9
           DISPLAY "DIVIDE-1/3=" WS-R9
           STOP RUN.
