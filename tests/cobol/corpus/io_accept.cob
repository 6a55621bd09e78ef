      * IO-ACCEPT: ACCEPT reads one line of standard input per call
      * into an alphanumeric item (padded / truncated) or a numeric
      * item; a loop sums numbers until a line "END".
       IDENTIFICATION DIVISION.
       PROGRAM-ID. IO-ACCEPT.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-NAME             PIC X(10).
       01  WS-SHORT            PIC X(3).
       01  WS-LINE             PIC X(8).
       01  WS-NUM              PIC S9(5).
       01  WS-TOTAL            PIC S9(6) VALUE 0.
       01  WS-COUNT            PIC 99 VALUE 0.
       PROCEDURE DIVISION.
       MAIN-PARA.
           ACCEPT WS-NAME
           DISPLAY "NAME=[" WS-NAME "]"
           ACCEPT WS-SHORT
           DISPLAY "SHORT=[" WS-SHORT "]"
           ACCEPT WS-NUM
           DISPLAY "NUM=" WS-NUM
           ACCEPT WS-LINE
           PERFORM UNTIL WS-LINE = "END"
               ADD 1 TO WS-COUNT
               COMPUTE WS-TOTAL = WS-TOTAL + FUNCTION NUMVAL(WS-LINE)
               ACCEPT WS-LINE
           END-PERFORM
           DISPLAY "COUNT=" WS-COUNT
           DISPLAY "TOTAL=" WS-TOTAL
           STOP RUN.
