      * MV-FIGURATIVE: figurative constants fill the whole receiver:
      * ZERO, SPACES, HIGH-VALUES, LOW-VALUES, QUOTE and ALL literal.
       IDENTIFICATION DIVISION.
       PROGRAM-ID. MV-FIGURATIVE.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-X6               PIC X(6) VALUE "ABCDEF".
       01  WS-N4               PIC 9(4) VALUE 1234.
       01  WS-GRP.
           05  WS-G-N          PIC 9(2).
           05  WS-G-X          PIC X(2).
       PROCEDURE DIVISION.
       MAIN-PARA.
           MOVE ZERO TO WS-X6
           DISPLAY "X-ZERO=[" WS-X6 "]"
           MOVE ZEROS TO WS-N4
           DISPLAY "N-ZERO=[" WS-N4 "]"
           MOVE SPACES TO WS-X6
           DISPLAY "X-SPACES=[" WS-X6 "]"
           MOVE ALL "*" TO WS-X6
           DISPLAY "X-ALL-STAR=[" WS-X6 "]"
           MOVE ALL "AB" TO WS-X6
           DISPLAY "X-ALL-AB=[" WS-X6 "]"
           MOVE ALL "XYZW" TO WS-X6
           DISPLAY "X-ALL-XYZW=[" WS-X6 "]"
           MOVE QUOTES TO WS-X6
           DISPLAY "X-QUOTE=[" WS-X6 "]"
           MOVE HIGH-VALUES TO WS-X6
           DISPLAY "HIGH-ORD=" FUNCTION ORD(WS-X6(1:1))
           DISPLAY "HIGH-LAST-ORD=" FUNCTION ORD(WS-X6(6:1))
           MOVE LOW-VALUES TO WS-X6
           DISPLAY "LOW-ORD=" FUNCTION ORD(WS-X6(3:1))
           MOVE ALL "7" TO WS-N4
           DISPLAY "N-ALL-7=[" WS-N4 "]"
           MOVE ZERO TO WS-GRP
           DISPLAY "G-ZERO=[" WS-GRP "]"
           MOVE SPACES TO WS-GRP
           DISPLAY "G-SPACES=[" WS-GRP "]"
           IF WS-X6 = LOW-VALUES
               DISPLAY "CMP-LOW=Y"
           END-IF
           STOP RUN.
