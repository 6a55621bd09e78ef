      * IN-INITIALIZE: INITIALIZE sets numeric items to zero and
      * alphanumeric items to spaces (FILLER and edited items per
      * their category), and REPLACING / VALUE variants.
       IDENTIFICATION DIVISION.
       PROGRAM-ID. IN-INITIALIZE.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-REC.
           05  WS-NAME         PIC X(4)  VALUE "ABCD".
           05  WS-QTY          PIC 9(3)  VALUE 123.
           05  WS-AMT          PIC S9(3)V9 COMP-3 VALUE -5.5.
           05  WS-ED           PIC ZZ9.9 VALUE "  1.5".
           05  FILLER          PIC X(2)  VALUE "FF".
           05  WS-TAB          PIC 9 OCCURS 3 VALUE 7.
       01  WS-DEF.
           05  WS-D-NAME       PIC X(4)  VALUE "DFLT".
           05  WS-D-NUM        PIC 99    VALUE 42.
       PROCEDURE DIVISION.
       MAIN-PARA.
           DISPLAY "BEFORE=[" WS-NAME WS-QTY WS-ED "]"
           INITIALIZE WS-REC
           DISPLAY "NAME=[" WS-NAME "]"
           DISPLAY "QTY=" WS-QTY
           DISPLAY "AMT=" WS-AMT
           DISPLAY "ED=[" WS-ED "]"
           DISPLAY "FILLER=[" WS-REC(16:2) "]"
           DISPLAY "TAB=" WS-TAB(1) WS-TAB(2) WS-TAB(3)
           MOVE "WXYZ" TO WS-NAME
           MOVE 9 TO WS-QTY
           INITIALIZE WS-REC REPLACING ALPHANUMERIC BY "*"
                                       NUMERIC BY 5
           DISPLAY "REPL-NAME=[" WS-NAME "]"
           DISPLAY "REPL-QTY=" WS-QTY
           DISPLAY "REPL-AMT=" WS-AMT
           DISPLAY "REPL-TAB=" WS-TAB(1) WS-TAB(2) WS-TAB(3)
           MOVE "XXXX" TO WS-D-NAME
           MOVE 0 TO WS-D-NUM
           INITIALIZE WS-DEF ALL TO VALUE
           DISPLAY "TO-VALUE=[" WS-DEF "]"
           INITIALIZE WS-D-NUM
           DISPLAY "ELEMENTARY=[" WS-DEF "]"
           STOP RUN.
