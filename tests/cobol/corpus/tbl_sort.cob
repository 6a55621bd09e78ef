      * TBL-SORT: SORT of a table on its keys: ascending and descending,
      * a signed numeric key, the whole element as key, only the
      * occurrences up to DEPENDING ON; equal keys keep their order.
       IDENTIFICATION DIVISION.
       PROGRAM-ID. TBL-SORT.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-N                PIC 9 VALUE 5.
       01  WS-ALL              VALUE "bb+3aa-1cc+2ab-1ba+3zz+0".
           05  WS-ROW          OCCURS 1 TO 6 DEPENDING ON WS-N.
               10  WS-NAME     PIC XX.
               10  WS-NUM      PIC S9 SIGN LEADING SEPARATE.
       PROCEDURE DIVISION.
       MAIN-PARA.
           SORT WS-ROW ASCENDING KEY WS-NUM
           DISPLAY WS-ALL
           SORT WS-ROW ON DESCENDING KEY WS-NUM ASCENDING WS-NAME
           DISPLAY WS-ALL
           MOVE 6 TO WS-N
           SORT WS-ROW ASCENDING KEY
           DISPLAY WS-ALL
           SORT WS-ROW DESCENDING WS-NAME
           DISPLAY WS-ALL
           STOP RUN.
