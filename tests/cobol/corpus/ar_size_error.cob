      * AR-SIZE-ERROR: ON SIZE ERROR runs when a result does not fit
      * (or on division by zero) and leaves the receiver unchanged;
      * NOT ON SIZE ERROR runs otherwise.
       IDENTIFICATION DIVISION.
       PROGRAM-ID. AR-SIZE-ERROR.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-A                PIC 9(3) VALUE 990.
       01  WS-B                PIC 9(3) VALUE 5.
       01  WS-C                PIC S9(3)V9 VALUE 1.
       01  WS-Z                PIC 9 VALUE 0.
       01  WS-FLAG             PIC X(3) VALUE "---".
       PROCEDURE DIVISION.
       MAIN-PARA.
           ADD 20 TO WS-A
               ON SIZE ERROR MOVE "ERR" TO WS-FLAG
               NOT ON SIZE ERROR MOVE "OK " TO WS-FLAG
           END-ADD
           DISPLAY "ADD-FLAG=[" WS-FLAG "]"
           DISPLAY "ADD-A=" WS-A
           ADD 5 TO WS-A
               ON SIZE ERROR MOVE "ERR" TO WS-FLAG
               NOT ON SIZE ERROR MOVE "OK " TO WS-FLAG
           END-ADD
           DISPLAY "ADD2-FLAG=[" WS-FLAG "]"
           DISPLAY "ADD2-A=" WS-A
           DIVIDE WS-B BY WS-Z GIVING WS-C
               ON SIZE ERROR DISPLAY "DIV0=SIZE ERROR"
           END-DIVIDE
           DISPLAY "DIV0-C=" WS-C
           MULTIPLY WS-A BY WS-B GIVING WS-C
               ON SIZE ERROR DISPLAY "MUL=SIZE ERROR"
               NOT ON SIZE ERROR DISPLAY "MUL=OK"
           END-MULTIPLY
           DISPLAY "MUL-C=" WS-C
           COMPUTE WS-C = 99.95 ON SIZE ERROR DISPLAY "FRAC=SIZE ERROR"
           END-COMPUTE
           DISPLAY "FRAC-C=" WS-C
           COMPUTE WS-C ROUNDED = 999.95
               ON SIZE ERROR DISPLAY "ROUND=SIZE ERROR"
           END-COMPUTE
           DISPLAY "ROUND-C=" WS-C
           ADD 600 TO WS-A
           DISPLAY "NO-CLAUSE-A=" WS-A
           SUBTRACT 1 FROM WS-B GIVING WS-A
               NOT ON SIZE ERROR DISPLAY "SUB=OK"
           END-SUBTRACT
           DISPLAY "SUB-A=" WS-A
           STOP RUN.
