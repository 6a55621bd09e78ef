      * TB-OCCURS: a one-dimensional OCCURS table with literal, data
      * name and relative (I + 1) subscripts, and a table of groups.
       IDENTIFICATION DIVISION.
       PROGRAM-ID. TB-OCCURS.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-TABLE.
           05  WS-ITEM         PIC 9(3) OCCURS 5 TIMES.
       01  WS-PEOPLE.
           05  WS-PERSON       OCCURS 3.
               10  WS-NAME     PIC X(5).
               10  WS-AGE      PIC 99.
       01  WS-I                PIC 9.
       01  WS-SUM              PIC 9(4) VALUE 0.
       PROCEDURE DIVISION.
       MAIN-PARA.
           PERFORM VARYING WS-I FROM 1 BY 1 UNTIL WS-I > 5
               COMPUTE WS-ITEM(WS-I) = WS-I * WS-I * 10
           END-PERFORM
           DISPLAY "TABLE=" WS-TABLE
           DISPLAY "ITEM-3=" WS-ITEM(3)
           MOVE 2 TO WS-I
           DISPLAY "ITEM-I+1=" WS-ITEM(WS-I + 1)
           DISPLAY "ITEM-I-1=" WS-ITEM(WS-I - 1)
           PERFORM VARYING WS-I FROM 1 BY 1 UNTIL WS-I > 5
               ADD WS-ITEM(WS-I) TO WS-SUM
           END-PERFORM
           DISPLAY "SUM=" WS-SUM
           MOVE "ANN  30BOB  25CARL 41" TO WS-PEOPLE
           PERFORM VARYING WS-I FROM 1 BY 1 UNTIL WS-I > 3
               DISPLAY "PERSON-" WS-I "=" WS-NAME(WS-I) "/" WS-AGE(WS-I)
           END-PERFORM
           MOVE WS-PERSON(1) TO WS-PERSON(3)
           DISPLAY "COPIED=" WS-PEOPLE
           DISPLAY "LEN-TABLE=" FUNCTION LENGTH(WS-PEOPLE)
           DISPLAY "LEN-ENTRY=" FUNCTION LENGTH(WS-PERSON(1))
           STOP RUN.
