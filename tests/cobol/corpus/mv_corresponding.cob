      * MV-CORRESPONDING: MOVE CORRESPONDING moves only the elementary
      * items whose names match in both groups, each with its own
      * conversion rules.
       IDENTIFICATION DIVISION.
       PROGRAM-ID. MV-CORRESPONDING.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-IN.
           05  CUST-ID         PIC 9(4)    VALUE 77.
           05  CUST-NAME       PIC X(10)   VALUE "SMITH".
           05  BALANCE         PIC S9(4)V99 VALUE -12.5.
           05  ONLY-IN         PIC X(3)    VALUE "INN".
       01  WS-OUT.
           05  BALANCE         PIC -(5)9.99.
           05  CUST-NAME       PIC X(3).
           05  ONLY-OUT        PIC X(3)    VALUE "OUT".
           05  CUST-ID         PIC 9(6).
       PROCEDURE DIVISION.
       MAIN-PARA.
           MOVE CORRESPONDING WS-IN TO WS-OUT
           DISPLAY "OUT-ID=" CUST-ID OF WS-OUT
           DISPLAY "OUT-NAME=[" CUST-NAME OF WS-OUT "]"
           DISPLAY "OUT-BAL=[" BALANCE OF WS-OUT "]"
           DISPLAY "OUT-ONLY=" ONLY-OUT
           DISPLAY "IN-ONLY=" ONLY-IN
           STOP RUN.
