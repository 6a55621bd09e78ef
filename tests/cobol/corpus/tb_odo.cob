      * TB-ODO: OCCURS DEPENDING ON: the group's length (and what a
      * group MOVE or DISPLAY covers) follows the current count.
       IDENTIFICATION DIVISION.
       PROGRAM-ID. TB-ODO.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-COUNT            PIC 99 VALUE 3.
       01  WS-LIST.
           05  WS-ENTRY        PIC X(2) OCCURS 1 TO 6 TIMES
                               DEPENDING ON WS-COUNT.
       01  WS-COPY             PIC X(12).
       01  WS-I                PIC 99.
       PROCEDURE DIVISION.
       MAIN-PARA.
           MOVE 6 TO WS-COUNT
           PERFORM VARYING WS-I FROM 1 BY 1 UNTIL WS-I > 6
               MOVE FUNCTION CHAR(65 + WS-I) TO WS-ENTRY(WS-I)(1:1)
               MOVE WS-I(2:1) TO WS-ENTRY(WS-I)(2:1)
           END-PERFORM
           DISPLAY "LIST-6=[" WS-LIST "]"
           DISPLAY "LEN-6=" FUNCTION LENGTH(WS-LIST)
           MOVE 3 TO WS-COUNT
           DISPLAY "LIST-3=[" WS-LIST "]"
           DISPLAY "LEN-3=" FUNCTION LENGTH(WS-LIST)
           MOVE ALL "." TO WS-COPY
           MOVE WS-LIST TO WS-COPY
           DISPLAY "COPY-3=[" WS-COPY "]"
           MOVE "ZZZZZZZZZZZZ" TO WS-LIST
           MOVE 5 TO WS-COUNT
           DISPLAY "AFTER-MOVE-5=[" WS-LIST "]"
           MOVE 1 TO WS-COUNT
           DISPLAY "LIST-1=[" WS-LIST "]"
           STOP RUN.
