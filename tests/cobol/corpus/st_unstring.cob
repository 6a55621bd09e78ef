      * ST-UNSTRING: UNSTRING with several delimiters (ALL for runs),
      * DELIMITER IN, COUNT IN, WITH POINTER, TALLYING IN and
      * ON OVERFLOW.
       IDENTIFICATION DIVISION.
       PROGRAM-ID. ST-UNSTRING.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-IN               PIC X(30)
               VALUE "ALPHA,BETA;;GAMMA  DELTA".
       01  WS-F1               PIC X(6).
       01  WS-F2               PIC X(6).
       01  WS-F3               PIC X(6).
       01  WS-F4               PIC X(6).
       01  WS-D1               PIC X(2).
       01  WS-D2               PIC X(2).
       01  WS-C1               PIC 99.
       01  WS-C2               PIC 99.
       01  WS-C3               PIC 99.
       01  WS-PTR              PIC 99.
       01  WS-TALLY            PIC 99.
       01  WS-NUM              PIC 9(4).
       01  WS-SLASHED          PIC X(8) VALUE "12/345/6".
       PROCEDURE DIVISION.
       MAIN-PARA.
           MOVE 0 TO WS-TALLY
           MOVE 1 TO WS-PTR
           UNSTRING WS-IN DELIMITED BY "," OR ALL ";" OR ALL SPACE
               INTO WS-F1 DELIMITER IN WS-D1 COUNT IN WS-C1
                    WS-F2 DELIMITER IN WS-D2 COUNT IN WS-C2
                    WS-F3 COUNT IN WS-C3
               WITH POINTER WS-PTR
               TALLYING IN WS-TALLY
               ON OVERFLOW DISPLAY "OVERFLOW=YES"
               NOT ON OVERFLOW DISPLAY "OVERFLOW=NO"
           END-UNSTRING
           DISPLAY "F1=[" WS-F1 "] D1=[" WS-D1 "] C1=" WS-C1
           DISPLAY "F2=[" WS-F2 "] D2=[" WS-D2 "] C2=" WS-C2
           DISPLAY "F3=[" WS-F3 "] C3=" WS-C3
           DISPLAY "PTR=" WS-PTR
           DISPLAY "TALLY=" WS-TALLY
           UNSTRING WS-IN DELIMITED BY ";"
               INTO WS-F1 WS-F2 WS-F3 WS-F4
           END-UNSTRING
           DISPLAY "SEMI-F1=[" WS-F1 "]"
           DISPLAY "SEMI-F2=[" WS-F2 "]"
           DISPLAY "SEMI-F3=[" WS-F3 "]"
           DISPLAY "SEMI-F4=[" WS-F4 "]"
           UNSTRING WS-SLASHED DELIMITED BY "/"
               INTO WS-NUM WS-F2
           END-UNSTRING
           DISPLAY "NUM=" WS-NUM
           DISPLAY "REST=[" WS-F2 "]"
           STOP RUN.
