      * MV-ALPHA-PAD: an alphanumeric MOVE is left-justified, padded
      * with spaces on the right or truncated on the right.
       IDENTIFICATION DIVISION.
       PROGRAM-ID. MV-ALPHA-PAD.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-SHORT            PIC X(4).
       01  WS-LONG             PIC X(10).
       01  WS-SRC              PIC X(7) VALUE "ABCDEFG".
       01  WS-ONE              PIC X.
       PROCEDURE DIVISION.
       MAIN-PARA.
           MOVE WS-SRC TO WS-SHORT
           DISPLAY "SHORT=[" WS-SHORT "]"
           MOVE WS-SRC TO WS-LONG
           DISPLAY "LONG=[" WS-LONG "]"
           MOVE "HI" TO WS-LONG
           DISPLAY "HI=[" WS-LONG "]"
           MOVE "XYZ" TO WS-ONE
           DISPLAY "ONE=[" WS-ONE "]"
           MOVE WS-SRC(3:2) TO WS-LONG
           DISPLAY "PART=[" WS-LONG "]"
           MOVE SPACES TO WS-SHORT
           MOVE "AB" TO WS-SHORT(2:3)
           DISPLAY "REFMOD=[" WS-SHORT "]"
           MOVE SPACE TO WS-ONE
           DISPLAY "SPACE=[" WS-ONE "]"
           STOP RUN.
