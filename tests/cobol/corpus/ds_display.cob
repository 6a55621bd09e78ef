      * DS-DISPLAY: how DISPLAY renders each kind of item: unsigned and
      * signed zoned, implied decimal point, COMP, COMP-3, literals,
      * several operands on one line and WITH NO ADVANCING.
       IDENTIFICATION DIVISION.
       PROGRAM-ID. DS-DISPLAY.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-U                PIC 9(4) VALUE 42.
       01  WS-S                PIC S9(4) VALUE -42.
       01  WS-V                PIC 9(2)V99 VALUE 3.5.
       01  WS-SV               PIC S9V999 VALUE -0.125.
       01  WS-B                PIC S9(4) COMP VALUE -7.
       01  WS-BU               PIC 9(4) COMP VALUE 7.
       01  WS-P                PIC S9(3)V9 COMP-3 VALUE 12.3.
       01  WS-X                PIC X(5) VALUE "ab".
       01  WS-GRP.
           05  WS-G1           PIC X(2) VALUE "GX".
           05  WS-G2           PIC 9(2) VALUE 5.
       PROCEDURE DIVISION.
       MAIN-PARA.
           DISPLAY "U=" WS-U
           DISPLAY "S=" WS-S
           DISPLAY "V=" WS-V
           DISPLAY "SV=" WS-SV
           DISPLAY "B=" WS-B
           DISPLAY "BU=" WS-BU
           DISPLAY "P=" WS-P
           DISPLAY "X=[" WS-X "]"
           DISPLAY "GRP=" WS-GRP
           DISPLAY "LIT-NUM=" 123 " " -4.50 " " 0.5
           DISPLAY "MULTI=" WS-U WS-X WS-S
           DISPLAY "PART1-" WITH NO ADVANCING
           DISPLAY "PART2"
           DISPLAY "LAST"
           STOP RUN.
