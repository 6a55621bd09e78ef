      * IO-ACCEPT-EOF: ACCEPT at the end of standard input stores an
      * empty line: spaces in an alphanumeric item or group, zero in a
      * numeric one (DISPLAY, COMP, edited scale); the stdin has one
      * line, so the first ACCEPT reads it and the rest meet the end.
       IDENTIFICATION DIVISION.
       PROGRAM-ID. IO-ACCEPT-EOF.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01 A PIC X(5) VALUE "AAAAA".
       01 B PIC X(5) VALUE "BBBBB".
       01 N PIC S9(3) VALUE 123.
       01 E PIC 9(3)V9 VALUE 12.5.
       01 C PIC 9(4) COMP VALUE 77.
       01 G.
          05 G1 PIC X(2) VALUE "GG".
          05 G2 PIC 9(2) VALUE 42.
       PROCEDURE DIVISION.
           ACCEPT A
           ACCEPT B
           ACCEPT N
           ACCEPT E
           ACCEPT C
           ACCEPT G
           DISPLAY "[" A "][" B "][" N "][" E "]"
           DISPLAY "[" C "][" G "][" G2 "]"
           STOP RUN.
