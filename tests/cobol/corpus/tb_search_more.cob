      * TB-SEARCH-MORE: serial SEARCH with several WHEN and VARYING a
      * counter, SEARCH ALL on a DESCENDING numeric key, on two keys,
      * and tables with OCCURS DEPENDING ON; an index in PERFORM VARYING
       IDENTIFICATION DIVISION.
       PROGRAM-ID. TB-SEARCH-MORE.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-DATA             PIC X(15) VALUE "090AX070BY050CZ".
       01  WS-TAB REDEFINES WS-DATA.
           05  WS-E            OCCURS 3 TIMES
                               DESCENDING KEY IS WS-SCORE
                               INDEXED BY IX.
               10  WS-SCORE    PIC 999.
               10  WS-ID       PIC X.
               10  WS-TAG      PIC X.
       01  WS-PAIRS.
           05  WS-P            OCCURS 4 TIMES
                               ASCENDING KEY IS WS-A WS-B
                               INDEXED BY PX PY.
               10  WS-A        PIC 9.
               10  WS-B        PIC X.
       01  WS-N                PIC 9 VALUE 0.
       01  WS-COUNT            PIC 9 VALUE 2.
       01  WS-VAR.
           05  WS-V            PIC X OCCURS 1 TO 5 TIMES
                               DEPENDING ON WS-COUNT
                               ASCENDING KEY IS WS-V
                               INDEXED BY VX.
       01  WS-WANT             PIC 999.
       PROCEDURE DIVISION.
       MAIN-PARA.
           SET IX TO 1
           SEARCH WS-E VARYING WS-N
               AT END DISPLAY "S1=NONE"
               WHEN WS-ID(IX) = "Q"
                   DISPLAY "S1=Q"
               WHEN WS-TAG(IX) = "Y"
                   DISPLAY "S1=Y AT " WS-N " " WS-SCORE(IX)
               WHEN WS-SCORE(IX) < 60
                   DISPLAY "S1=LOW"
           END-SEARCH
           DISPLAY "N-AFTER=" WS-N
           SET IX TO 1
           SEARCH WS-E
               WHEN WS-SCORE(IX) < 60
                   DISPLAY "S2=LOW " WS-ID(IX)
           END-SEARCH
           SET IX TO 3
           SEARCH WS-E
               WHEN WS-SCORE(IX) > 80
                   DISPLAY "S3=HIGH"
           END-SEARCH
           SET WS-N TO IX
           DISPLAY "S3-IX=" WS-N
           PERFORM VARYING WS-WANT FROM 40 BY 10 UNTIL WS-WANT > 100
               SEARCH ALL WS-E
                   AT END DISPLAY "B " WS-WANT " NONE"
                   WHEN WS-SCORE(IX) = WS-WANT
                       DISPLAY "B " WS-WANT " " WS-ID(IX)
               END-SEARCH
           END-PERFORM
           MOVE "1A1C2B3A" TO WS-PAIRS
           SEARCH ALL WS-P
               AT END DISPLAY "P=NONE"
               WHEN WS-A(PX) = 2 AND WS-B(PX) = "B"
                   DISPLAY "P=2B"
           END-SEARCH
           SEARCH ALL WS-P
               AT END DISPLAY "P1B=NONE"
               WHEN WS-B(PX) = "B" AND WS-A(PX) = 1
                   DISPLAY "P1B"
           END-SEARCH
           SET PY TO 4
           SET PY DOWN BY 2
           DISPLAY "PY-A=" WS-A(PY)
           PERFORM VARYING PX FROM 1 BY 1 UNTIL PX > 4
               DISPLAY WS-B(PX) WITH NO ADVANCING
           END-PERFORM
           DISPLAY " END"
           MOVE "AC" TO WS-VAR
           MOVE "E" TO WS-V(3)
           SET VX TO 1
           SEARCH WS-V
               AT END DISPLAY "V-E=NONE"
               WHEN WS-V(VX) = "E"
                   DISPLAY "V-E"
           END-SEARCH
           SEARCH ALL WS-V
               AT END DISPLAY "VA-C=NONE"
               WHEN WS-V(VX) = "C"
                   DISPLAY "VA-C"
           END-SEARCH
           MOVE 3 TO WS-COUNT
           SEARCH ALL WS-V
               AT END DISPLAY "VA-E=NONE"
               WHEN WS-V(VX) = "E"
                   DISPLAY "VA-E"
           END-SEARCH
           STOP RUN.
