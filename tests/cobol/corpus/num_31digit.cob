      * NUM-31DIGIT: arithmetic on 31-digit items (beyond 64-bit and
      * beyond a 28-digit decimal) is exact.
       IDENTIFICATION DIVISION.
       PROGRAM-ID. NUM-31DIGIT.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-A                PIC S9(31)
               VALUE 1234567890123456789012345678901.
       01  WS-B                PIC S9(31) VALUE 9999999999999999.
       01  WS-C                PIC S9(31).
       01  WS-D                PIC S9(16)V9(15).
       01  WS-E                PIC S9(31) COMP-3.
       PROCEDURE DIVISION.
       MAIN-PARA.
           DISPLAY "A=" WS-A
           COMPUTE WS-C = WS-B * WS-B
           DISPLAY "B*B=" WS-C
           COMPUTE WS-C = WS-A + WS-A
           DISPLAY "A+A=" WS-C
           COMPUTE WS-C = WS-A - 9999999999999999999999999999999
           DISPLAY "A-9S=" WS-C
           COMPUTE WS-D = WS-A / 10000000000000000
           DISPLAY "D=" WS-D
           COMPUTE WS-E = WS-A * 5
           DISPLAY "E=" WS-E
           DIVIDE WS-A BY 7 GIVING WS-C REMAINDER WS-E
           DISPLAY "QUOT=" WS-C
           DISPLAY "REM=" WS-E
           STOP RUN.
