      * AR-ADD-SUB: ADD and SUBTRACT in their TO / FROM / GIVING forms,
      * with several operands and several receivers.
       IDENTIFICATION DIVISION.
       PROGRAM-ID. AR-ADD-SUB.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-A                PIC S9(4)V99 VALUE 10.25.
       01  WS-B                PIC S9(4)V99 VALUE 3.5.
       01  WS-C                PIC S9(4)V99 VALUE 100.
       01  WS-D                PIC S9(4)V99 VALUE 0.
       01  WS-E                PIC S9(4)V99 VALUE 1.
       01  WS-I                PIC 9(3) VALUE 5.
       PROCEDURE DIVISION.
       MAIN-PARA.
           ADD WS-A TO WS-C
           DISPLAY "ADD-TO=" WS-C
           ADD WS-A WS-B 1.25 TO WS-D WS-E
           DISPLAY "ADD-MULTI-D=" WS-D
           DISPLAY "ADD-MULTI-E=" WS-E
           ADD WS-A WS-B GIVING WS-D
           DISPLAY "ADD-GIVING=" WS-D
           ADD WS-A TO WS-B GIVING WS-D
           DISPLAY "ADD-TO-GIVING=" WS-D
           SUBTRACT WS-B FROM WS-A
           DISPLAY "SUB-FROM=" WS-A
           SUBTRACT 1 2 3 FROM WS-I
           DISPLAY "SUB-MULTI=" WS-I
           SUBTRACT WS-C FROM WS-B GIVING WS-D
           DISPLAY "SUB-GIVING=" WS-D
           SUBTRACT 0.5 FROM WS-D WS-E
           DISPLAY "SUB-2RCV-D=" WS-D
           DISPLAY "SUB-2RCV-E=" WS-E
           ADD 1 TO WS-I
           SUBTRACT 10 FROM WS-I
           DISPLAY "UNSIGNED-I=" WS-I
           STOP RUN.
