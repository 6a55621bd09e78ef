      * ED-CURRENCY: the currency sign $ as a fixed insertion symbol
      * and as a floating symbol that replaces leading zeros.
       IDENTIFICATION DIVISION.
       PROGRAM-ID. ED-CURRENCY.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-FIXED            PIC $9(4).99.
       01  WS-FIXZ             PIC $ZZZ9.99.
       01  WS-FLOAT            PIC $$$$9.99.
       01  WS-FLOAT-ALL        PIC $$$$$.
       01  WS-FLOAT-COMMA      PIC $$,$$$,$$9.99.
       01  WS-FLOAT-STAR       PIC $***,**9.99.
       01  WS-FLOAT-NEG        PIC $$$$9.99-.
       PROCEDURE DIVISION.
       MAIN-PARA.
           MOVE 12.5 TO WS-FIXED
           DISPLAY "FIXED=[" WS-FIXED "]"
           MOVE 12.5 TO WS-FIXZ
           DISPLAY "FIXZ=[" WS-FIXZ "]"
           MOVE 12.5 TO WS-FLOAT
           DISPLAY "FLOAT-12.5=[" WS-FLOAT "]"
           MOVE 0 TO WS-FLOAT
           DISPLAY "FLOAT-0=[" WS-FLOAT "]"
           MOVE 1234.56 TO WS-FLOAT
           DISPLAY "FLOAT-1234.56=[" WS-FLOAT "]"
           MOVE 0 TO WS-FLOAT-ALL
           DISPLAY "FLOAT-ALL-0=[" WS-FLOAT-ALL "]"
           MOVE 7 TO WS-FLOAT-ALL
           DISPLAY "FLOAT-ALL-7=[" WS-FLOAT-ALL "]"
           MOVE 1234567.8 TO WS-FLOAT-COMMA
           DISPLAY "FLOAT-COMMA-BIG=[" WS-FLOAT-COMMA "]"
           MOVE 123.4 TO WS-FLOAT-COMMA
           DISPLAY "FLOAT-COMMA-SMALL=[" WS-FLOAT-COMMA "]"
           MOVE 42 TO WS-FLOAT-STAR
           DISPLAY "FLOAT-STAR=[" WS-FLOAT-STAR "]"
           MOVE -42.1 TO WS-FLOAT-NEG
           DISPLAY "FLOAT-NEG=[" WS-FLOAT-NEG "]"
           STOP RUN.
