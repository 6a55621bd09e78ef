      * TB-SEARCH: tables INDEXED BY with SET (TO, UP BY, DOWN BY),
      * serial SEARCH with AT END starting from the current index, and
      * binary SEARCH ALL on an ASCENDING KEY.
       IDENTIFICATION DIVISION.
       PROGRAM-ID. TB-SEARCH.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-DATA             PIC X(18)
               VALUE "A10B20C30D40E50F60".
       01  WS-TABLE REDEFINES WS-DATA.
           05  WS-ENT          OCCURS 6 TIMES
                               ASCENDING KEY IS WS-KEY
                               INDEXED BY IX.
               10  WS-KEY      PIC X.
               10  WS-VAL      PIC 99.
       01  WS-WANT             PIC X.
       01  WS-N                PIC 9.
       PROCEDURE DIVISION.
       MAIN-PARA.
           SET IX TO 2
           DISPLAY "IX2-KEY=" WS-KEY(IX)
           SET IX UP BY 3
           DISPLAY "IX5-KEY=" WS-KEY(IX)
           SET IX DOWN BY 1
           SET WS-N TO IX
           DISPLAY "IX-AS-NUM=" WS-N
           SET IX TO 1
           SEARCH WS-ENT
               AT END DISPLAY "SERIAL-D=NOT-FOUND"
               WHEN WS-KEY(IX) = "D"
                   DISPLAY "SERIAL-D=" WS-VAL(IX)
           END-SEARCH
           SET IX TO 5
           SEARCH WS-ENT
               AT END DISPLAY "SERIAL-FROM-5-B=NOT-FOUND"
               WHEN WS-KEY(IX) = "B"
                   DISPLAY "SERIAL-FROM-5-B=" WS-VAL(IX)
           END-SEARCH
           MOVE "E" TO WS-WANT
           SEARCH ALL WS-ENT
               AT END DISPLAY "BINARY-E=NOT-FOUND"
               WHEN WS-KEY(IX) = WS-WANT
                   DISPLAY "BINARY-E=" WS-VAL(IX)
           END-SEARCH
           MOVE "G" TO WS-WANT
           SEARCH ALL WS-ENT
               AT END DISPLAY "BINARY-G=NOT-FOUND"
               WHEN WS-KEY(IX) = WS-WANT
                   DISPLAY "BINARY-G=" WS-VAL(IX)
           END-SEARCH
           STOP RUN.
