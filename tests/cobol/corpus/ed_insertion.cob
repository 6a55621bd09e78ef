      * ED-INSERTION: simple insertion characters B (space), 0, / and
      * the comma, and the actual decimal point.
       IDENTIFICATION DIVISION.
       PROGRAM-ID. ED-INSERTION.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-DATE-IN          PIC 9(8) VALUE 20240315.
       01  WS-DATE-ED          PIC 9999/99/99.
       01  WS-BLANKS           PIC 99B99B99.
       01  WS-ZEROS            PIC 9990000.
       01  WS-COMMAS           PIC 9,999,999.
       01  WS-ZCOMMAS          PIC Z,ZZZ,ZZ9.
       01  WS-POINT            PIC 999.999.
       01  WS-MIXED            PIC ZZ,ZZ9.99B-.
       01  WS-ALNUM            PIC XXBXX/XX.
       PROCEDURE DIVISION.
       MAIN-PARA.
           MOVE WS-DATE-IN TO WS-DATE-ED
           DISPLAY "SLASH=[" WS-DATE-ED "]"
           MOVE 123456 TO WS-BLANKS
           DISPLAY "BLANKS=[" WS-BLANKS "]"
           MOVE 125 TO WS-ZEROS
           DISPLAY "ZEROS=[" WS-ZEROS "]"
           MOVE 1234567 TO WS-COMMAS
           DISPLAY "COMMAS=[" WS-COMMAS "]"
           MOVE 1234 TO WS-ZCOMMAS
           DISPLAY "ZCOMMAS-1234=[" WS-ZCOMMAS "]"
           MOVE 12 TO WS-ZCOMMAS
           DISPLAY "ZCOMMAS-12=[" WS-ZCOMMAS "]"
           MOVE 3.14159 TO WS-POINT
           DISPLAY "POINT=[" WS-POINT "]"
           MOVE -1234.5 TO WS-MIXED
           DISPLAY "MIXED-NEG=[" WS-MIXED "]"
           MOVE 5 TO WS-MIXED
           DISPLAY "MIXED-POS=[" WS-MIXED "]"
           MOVE "ABCDEF" TO WS-ALNUM
           DISPLAY "ALNUM=[" WS-ALNUM "]"
           STOP RUN.
