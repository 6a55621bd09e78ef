      * ST-REFMOD: reference modification A(start:length) and A(start:)
      * as sender and receiver, with computed positions, on numeric
      * DISPLAY items and on table elements.
       IDENTIFICATION DIVISION.
       PROGRAM-ID. ST-REFMOD.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-S                PIC X(12) VALUE "HELLO WORLD!".
       01  WS-N                PIC 9(6) VALUE 123456.
       01  WS-T                PIC X(12).
       01  WS-I                PIC 99 VALUE 7.
       01  WS-TAB.
           05  WS-EL           PIC X(4) OCCURS 3 VALUE "ABCD".
       PROCEDURE DIVISION.
       MAIN-PARA.
           DISPLAY "2:3=[" WS-S(2:3) "]"
           DISPLAY "7:=[" WS-S(7:) "]"
           DISPLAY "I:5=[" WS-S(WS-I:5) "]"
           DISPLAY "EXPR=[" WS-S(WS-I - 5:WS-I - 4) "]"
           DISPLAY "LAST=[" WS-S(FUNCTION LENGTH(WS-S):1) "]"
           MOVE WS-S TO WS-T
           MOVE "J" TO WS-T(1:1)
           MOVE "XY" TO WS-T(7:5)
           DISPLAY "RECV=[" WS-T "]"
           DISPLAY "NUM-3:2=[" WS-N(3:2) "]"
           MOVE "99" TO WS-N(1:2)
           DISPLAY "NUM-AFTER=" WS-N
           ADD 1 TO WS-N
           DISPLAY "NUM-PLUS1=" WS-N
           MOVE "Z" TO WS-EL(2)(3:1)
           DISPLAY "TAB=" WS-TAB
           DISPLAY "TAB-SPAN=[" WS-TAB(3:6) "]"
           IF WS-S(1:5) = "HELLO"
               DISPLAY "COMPARE=Y"
           END-IF
           STOP RUN.
