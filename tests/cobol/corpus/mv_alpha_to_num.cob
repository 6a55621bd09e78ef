      * MV-ALPHA-TO-NUM: an alphanumeric sender moved to a numeric
      * receiver is treated as an unsigned integer of its length.
       IDENTIFICATION DIVISION.
       PROGRAM-ID. MV-ALPHA-TO-NUM.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-TXT5             PIC X(5) VALUE "12345".
       01  WS-TXT3             PIC X(3) VALUE "007".
       01  WS-N3               PIC 9(3).
       01  WS-N7               PIC 9(7).
       01  WS-N4V2             PIC 9(4)V99.
       01  WS-S5               PIC S9(5).
       PROCEDURE DIVISION.
       MAIN-PARA.
           MOVE WS-TXT5 TO WS-N3
           DISPLAY "N3=" WS-N3
           MOVE WS-TXT5 TO WS-N7
           DISPLAY "N7=" WS-N7
           MOVE WS-TXT5 TO WS-N4V2
           DISPLAY "N4V2=" WS-N4V2
           MOVE WS-TXT3 TO WS-S5
           DISPLAY "S5=" WS-S5
           MOVE "42" TO WS-N4V2
           DISPLAY "LIT=" WS-N4V2
           COMPUTE WS-N7 = WS-N3 + 1
           DISPLAY "SUM=" WS-N7
           STOP RUN.
