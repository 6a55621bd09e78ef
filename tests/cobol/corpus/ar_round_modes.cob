      * AR-ROUND-MODES: the COBOL 2002 ROUNDED MODE IS phrases that
      * GnuCOBOL 3.1.2 accepts, each on a positive and a negative tie
      * (x.5) and a non-tie (x.3).
       IDENTIFICATION DIVISION.
       PROGRAM-ID. AR-ROUND-MODES.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-R                PIC S99.
       01  WS-V                PIC S9V9.
       01  WS-VALS.
           05  FILLER          PIC S9V9 VALUE 2.5.
           05  FILLER          PIC S9V9 VALUE -2.5.
           05  FILLER          PIC S9V9 VALUE 3.5.
           05  FILLER          PIC S9V9 VALUE 2.3.
           05  FILLER          PIC S9V9 VALUE -2.3.
       01  WS-TAB REDEFINES WS-VALS.
           05  WS-VAL          PIC S9V9 OCCURS 5.
       01  WS-K                PIC 9.
       PROCEDURE DIVISION.
       MAIN-PARA.
           PERFORM VARYING WS-K FROM 1 BY 1 UNTIL WS-K > 5
               MOVE WS-VAL(WS-K) TO WS-V
               DISPLAY "VALUE=" WS-V
               COMPUTE WS-R ROUNDED MODE IS AWAY-FROM-ZERO = WS-V
               DISPLAY "  AWAY-FROM-ZERO=" WS-R
               COMPUTE WS-R ROUNDED MODE NEAREST-AWAY-FROM-ZERO = WS-V
               DISPLAY "  NEAREST-AWAY-FROM-ZERO=" WS-R
               COMPUTE WS-R ROUNDED MODE IS NEAREST-EVEN = WS-V
               DISPLAY "  NEAREST-EVEN=" WS-R
               COMPUTE WS-R ROUNDED MODE IS NEAREST-TOWARD-ZERO = WS-V
               DISPLAY "  NEAREST-TOWARD-ZERO=" WS-R
               COMPUTE WS-R ROUNDED MODE IS TOWARD-GREATER = WS-V
               DISPLAY "  TOWARD-GREATER=" WS-R
               COMPUTE WS-R ROUNDED MODE IS TOWARD-LESSER = WS-V
               DISPLAY "  TOWARD-LESSER=" WS-R
               COMPUTE WS-R ROUNDED MODE IS TRUNCATION = WS-V
               DISPLAY "  TRUNCATION=" WS-R
           END-PERFORM
           STOP RUN.
