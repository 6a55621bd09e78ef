      * TB-NESTED: a two-level OCCURS table (rows of columns) with two
      * subscripts, row sums and a whole-row group view.
       IDENTIFICATION DIVISION.
       PROGRAM-ID. TB-NESTED.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-GRID.
           05  WS-ROW          OCCURS 3 TIMES.
               10  WS-ROW-ID   PIC X.
               10  WS-CELL     PIC 99 OCCURS 4 TIMES.
       01  WS-R                PIC 9.
       01  WS-C                PIC 9.
       01  WS-SUM              PIC 9(3).
       01  WS-DIAG             PIC 9(3) VALUE 0.
       PROCEDURE DIVISION.
       MAIN-PARA.
           PERFORM VARYING WS-R FROM 1 BY 1 UNTIL WS-R > 3
               MOVE FUNCTION CHAR(65 + WS-R) TO WS-ROW-ID(WS-R)
               PERFORM VARYING WS-C FROM 1 BY 1 UNTIL WS-C > 4
                   COMPUTE WS-CELL(WS-R, WS-C) = WS-R * 10 + WS-C
               END-PERFORM
           END-PERFORM
           DISPLAY "GRID=" WS-GRID
           PERFORM VARYING WS-R FROM 1 BY 1 UNTIL WS-R > 3
               MOVE 0 TO WS-SUM
               PERFORM VARYING WS-C FROM 1 BY 1 UNTIL WS-C > 4
                   ADD WS-CELL(WS-R, WS-C) TO WS-SUM
               END-PERFORM
               DISPLAY "ROW-" WS-ROW-ID(WS-R) "=" WS-ROW(WS-R)
                   " SUM=" WS-SUM
               ADD WS-CELL(WS-R, WS-R) TO WS-DIAG
           END-PERFORM
           DISPLAY "DIAG=" WS-DIAG
           DISPLAY "CELL-2-3=" WS-CELL(2, 3)
           DISPLAY "CELL-3-4=" WS-CELL (3 4)
           DISPLAY "ROW-LEN=" FUNCTION LENGTH(WS-ROW(1))
           STOP RUN.
