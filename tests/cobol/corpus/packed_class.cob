       IDENTIFICATION DIVISION.
       PROGRAM-ID. PACKED-CLASS.
      * NUMERIC class test of packed-decimal bytes: digit nibbles 0-9
      * and a sign nibble C or D when signed, F when unsigned.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01 G.
          05 RAW PIC X(2).
          05 U-PK REDEFINES RAW PIC 999 PACKED-DECIMAL.
          05 S-PK REDEFINES RAW PIC S999 PACKED-DECIMAL.
       PROCEDURE DIVISION.
           MOVE X"123F" TO RAW
           PERFORM SHOW
           MOVE X"123C" TO RAW
           PERFORM SHOW
           MOVE X"123D" TO RAW
           PERFORM SHOW
           MOVE X"1A3C" TO RAW
           PERFORM SHOW
           MOVE X"0000" TO RAW
           PERFORM SHOW
           STOP RUN.
       SHOW.
           IF U-PK IS NUMERIC
               DISPLAY "unsigned numeric " NO ADVANCING
           ELSE
               DISPLAY "unsigned not " NO ADVANCING
           END-IF
           IF S-PK IS NUMERIC
               DISPLAY "signed numeric"
           ELSE
               DISPLAY "signed not"
           END-IF.
