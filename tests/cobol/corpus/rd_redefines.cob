      * RD-REDEFINES: REDEFINES gives several views of the same bytes:
      * a date as digits and as parts, a number as text, and a
      * union-like record whose layout depends on a type code.
       IDENTIFICATION DIVISION.
       PROGRAM-ID. RD-REDEFINES.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-DATE             PIC 9(8) VALUE 20240315.
       01  WS-DATE-PARTS REDEFINES WS-DATE.
           05  WS-YEAR         PIC 9(4).
           05  WS-MONTH        PIC 99.
           05  WS-DAY          PIC 99.
       01  WS-AMOUNT           PIC 9(5)V99 VALUE 123.45.
       01  WS-AMOUNT-X REDEFINES WS-AMOUNT PIC X(7).
       01  WS-REC              PIC X(10).
       01  WS-REC-A REDEFINES WS-REC.
           05  WS-A-TYPE       PIC X.
           05  WS-A-NAME       PIC X(9).
       01  WS-REC-B REDEFINES WS-REC.
           05  WS-B-TYPE       PIC X.
           05  WS-B-QTY        PIC 9(4).
           05  WS-B-PRICE      PIC 9(3)V99.
       PROCEDURE DIVISION.
       MAIN-PARA.
           DISPLAY "YEAR=" WS-YEAR
           DISPLAY "MONTH=" WS-MONTH
           DISPLAY "DAY=" WS-DAY
           ADD 1 TO WS-MONTH
           DISPLAY "DATE-AFTER=" WS-DATE
           DISPLAY "AMOUNT-X=[" WS-AMOUNT-X "]"
           MOVE "0000999" TO WS-AMOUNT-X
           DISPLAY "AMOUNT=" WS-AMOUNT
           MOVE "AWIDGET" TO WS-REC
           DISPLAY "A-NAME=[" WS-A-NAME "]"
           MOVE "B001200750" TO WS-REC
           DISPLAY "B-QTY=" WS-B-QTY
           DISPLAY "B-PRICE=" WS-B-PRICE
           COMPUTE WS-B-QTY = WS-B-QTY * 2
           DISPLAY "REC=[" WS-REC "]"
           DISPLAY "A-VIEW=[" WS-A-NAME "]"
           STOP RUN.
