      * ED-ZERO-SUPPRESS: numeric editing with Z (zero suppression),
      * * (check protection) and BLANK WHEN ZERO.
       IDENTIFICATION DIVISION.
       PROGRAM-ID. ED-ZERO-SUPPRESS.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-Z5               PIC ZZZZ9.
       01  WS-ZALL             PIC ZZZZZ.
       01  WS-ZDEC             PIC ZZZ.ZZ.
       01  WS-Z9DEC            PIC ZZ9.99.
       01  WS-STAR             PIC ****9.
       01  WS-STARDEC          PIC ***.**.
       01  WS-BWZ              PIC 9(4) BLANK WHEN ZERO.
       01  WS-BWZ-ED           PIC ZZ9.9 BLANK WHEN ZERO.
       PROCEDURE DIVISION.
       MAIN-PARA.
           MOVE 42 TO WS-Z5
           DISPLAY "Z5-42=[" WS-Z5 "]"
           MOVE 0 TO WS-Z5
           DISPLAY "Z5-0=[" WS-Z5 "]"
           MOVE 0 TO WS-ZALL
           DISPLAY "ZALL-0=[" WS-ZALL "]"
           MOVE 1005 TO WS-ZALL
           DISPLAY "ZALL-1005=[" WS-ZALL "]"
           MOVE 0.05 TO WS-ZDEC
           DISPLAY "ZDEC-.05=[" WS-ZDEC "]"
           MOVE 0 TO WS-ZDEC
           DISPLAY "ZDEC-0=[" WS-ZDEC "]"
           MOVE 0.5 TO WS-Z9DEC
           DISPLAY "Z9DEC-.5=[" WS-Z9DEC "]"
           MOVE -12.345 TO WS-Z9DEC
           DISPLAY "Z9DEC-NEG=[" WS-Z9DEC "]"
           MOVE 42 TO WS-STAR
           DISPLAY "STAR-42=[" WS-STAR "]"
           MOVE 0 TO WS-STARDEC
           DISPLAY "STARDEC-0=[" WS-STARDEC "]"
           MOVE 1.5 TO WS-STARDEC
           DISPLAY "STARDEC-1.5=[" WS-STARDEC "]"
           MOVE 0 TO WS-BWZ
           DISPLAY "BWZ-0=[" WS-BWZ "]"
           MOVE 7 TO WS-BWZ
           DISPLAY "BWZ-7=[" WS-BWZ "]"
           MOVE 0 TO WS-BWZ-ED
           DISPLAY "BWZ-ED-0=[" WS-BWZ-ED "]"
           MOVE 123456 TO WS-Z5
           DISPLAY "Z5-TRUNC=[" WS-Z5 "]"
           STOP RUN.
