      * NUM-ZONED-SIGN: signed zoned DISPLAY items.  DISPLAY shows an
      * explicit sign; storage uses a trailing overpunch by default, or
      * a separate sign character (LEADING / TRAILING SEPARATE).
       IDENTIFICATION DIVISION.
       PROGRAM-ID. NUM-ZONED-SIGN.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-OVER             PIC S9(3).
       01  WS-OVER-X REDEFINES WS-OVER PIC X(3).
       01  WS-LEAD             PIC S9(3) SIGN LEADING SEPARATE.
       01  WS-LEAD-X REDEFINES WS-LEAD PIC X(4).
       01  WS-TRAIL            PIC S9(3) SIGN TRAILING SEPARATE.
       01  WS-TRAIL-X REDEFINES WS-TRAIL PIC X(4).
       01  WS-UNS              PIC 9(3).
       01  WS-DEC              PIC S9(2)V99.
       PROCEDURE DIVISION.
       MAIN-PARA.
           MOVE -123 TO WS-OVER
           DISPLAY "OVER-NEG=" WS-OVER
           DISPLAY "OVER-NEG-RAW=" WS-OVER-X
           MOVE 123 TO WS-OVER
           DISPLAY "OVER-POS=" WS-OVER
           DISPLAY "OVER-POS-RAW=" WS-OVER-X
           MOVE -45 TO WS-LEAD
           DISPLAY "LEAD-NEG=" WS-LEAD
           DISPLAY "LEAD-NEG-RAW=" WS-LEAD-X
           MOVE 45 TO WS-LEAD
           DISPLAY "LEAD-POS-RAW=" WS-LEAD-X
           MOVE -45 TO WS-TRAIL
           DISPLAY "TRAIL-NEG=" WS-TRAIL
           DISPLAY "TRAIL-NEG-RAW=" WS-TRAIL-X
           MOVE -9 TO WS-UNS
           DISPLAY "UNS=" WS-UNS
           MOVE -3.5 TO WS-DEC
           DISPLAY "DEC=" WS-DEC
           MOVE -120 TO WS-OVER
           DISPLAY "OVER-NEG0-RAW=" WS-OVER-X
           MOVE "12t" TO WS-OVER-X
           DISPLAY "FROM-RAW=" WS-OVER
           ADD 1 TO WS-OVER
           DISPLAY "FROM-RAW+1=" WS-OVER
           STOP RUN.
