      * IN-INITIALIZE-MORE: INITIALIZE WITH FILLER, REPLACING of each
      * category, THEN TO DEFAULT, category TO VALUE, a subscripted
      * target, and members under a REDEFINES left alone.
       IDENTIFICATION DIVISION.
       PROGRAM-ID. IN-INITIALIZE-MORE.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-REC.
           05  WS-ALPHA        PIC A(3)  VALUE "ABC".
           05  WS-ANUM         PIC X(3)  VALUE "XYZ".
           05  WS-NUM          PIC 99    VALUE 12.
           05  WS-NED          PIC Z9.9  VALUE " 1.5".
           05  WS-AED          PIC XBX   VALUE "P Q".
           05  FILLER          PIC X(2)  VALUE "FF".
           05  WS-OVER         PIC X(4)  VALUE "OVER".
           05  WS-R REDEFINES WS-OVER.
               10  WS-R1       PIC 99.
               10  WS-R2       PIC XX.
       01  WS-TAB.
           05  WS-ROW          OCCURS 3.
               10  WS-K        PIC X     VALUE "k".
               10  WS-Q        PIC 9     VALUE 4.
       PROCEDURE DIVISION.
       MAIN-PARA.
           INITIALIZE WS-REC WITH FILLER
           DISPLAY "FILLER=[" WS-REC "]"
           MOVE "ABC" TO WS-ALPHA
           MOVE "XYZ" TO WS-ANUM
           MOVE 12 TO WS-NUM
           MOVE 1.5 TO WS-NED
           MOVE "PQ" TO WS-AED
           INITIALIZE WS-REC REPLACING ALPHABETIC BY "a"
                                       NUMERIC-EDITED BY 7
                                       ALPHANUMERIC-EDITED BY "mn"
           DISPLAY "REPL=[" WS-REC "]"
           INITIALIZE WS-REC REPLACING ALPHANUMERIC DATA BY "q"
                             THEN TO DEFAULT
           DISPLAY "DEFAULT=[" WS-REC "]"
           MOVE "ZZZZZZ" TO WS-TAB
           INITIALIZE WS-TAB NUMERIC TO VALUE
           DISPLAY "NUM-VALUE=[" WS-TAB "]"
           INITIALIZE WS-ROW(2)
           DISPLAY "ROW2=[" WS-TAB "]"
           INITIALIZE WS-TAB ALL TO VALUE
           DISPLAY "ALL-VALUE=[" WS-TAB "]"
           INITIALIZE WS-K(3) WS-Q(1)
           DISPLAY "ELEMENTS=[" WS-TAB "]"
           STOP RUN.
