      * IO-SEQ-FIXED: a record SEQUENTIAL file of fixed-length records
      * (no line terminators; a negative zoned amount is stored with
      * its sign overpunched) written, extended with OPEN EXTEND, and
      * read back until the status is no longer "00".
       IDENTIFICATION DIVISION.
       PROGRAM-ID. IO-SEQ-FIXED.
       ENVIRONMENT DIVISION.
       INPUT-OUTPUT SECTION.
       FILE-CONTROL.
           SELECT REC-FILE ASSIGN TO "records.dat"
               ORGANIZATION IS SEQUENTIAL
               ACCESS MODE IS SEQUENTIAL
               FILE STATUS IS WS-STATUS.
       DATA DIVISION.
       FILE SECTION.
       FD  REC-FILE.
       01  REC.
           05  REC-ID          PIC 9(3).
           05  REC-NAME        PIC X(6).
           05  REC-AMT         PIC S9(3)V99.
       WORKING-STORAGE SECTION.
       01  WS-STATUS           PIC XX.
       01  WS-I                PIC 9.
       01  WS-TOTAL            PIC S9(5)V99 VALUE 0.
       01  WS-NAMES            PIC X(18) VALUE "ALPHA BRAVO CHARLY".
       PROCEDURE DIVISION.
       MAIN-PARA.
           OPEN OUTPUT REC-FILE
           DISPLAY "OPEN-OUTPUT=" WS-STATUS
           PERFORM VARYING WS-I FROM 1 BY 1 UNTIL WS-I > 3
               MOVE WS-I TO REC-ID
               MOVE WS-NAMES((WS-I - 1) * 6 + 1:6) TO REC-NAME
               COMPUTE REC-AMT = WS-I * 10.25
               WRITE REC
           END-PERFORM
           CLOSE REC-FILE
           OPEN EXTEND REC-FILE
           DISPLAY "OPEN-EXTEND=" WS-STATUS
           MOVE 9 TO REC-ID
           MOVE "DELTA" TO REC-NAME
           MOVE -1.5 TO REC-AMT
           WRITE REC
           CLOSE REC-FILE
           OPEN INPUT REC-FILE
           PERFORM UNTIL WS-STATUS NOT = "00"
               READ REC-FILE
               IF WS-STATUS = "00"
                   DISPLAY "REC=[" REC "] AMT=" REC-AMT
                   ADD REC-AMT TO WS-TOTAL
               END-IF
           END-PERFORM
           DISPLAY "FINAL-STATUS=" WS-STATUS
           DISPLAY "TOTAL=" WS-TOTAL
           CLOSE REC-FILE
           STOP RUN.
