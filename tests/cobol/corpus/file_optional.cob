       IDENTIFICATION DIVISION.
       PROGRAM-ID. FILE-OPTIONAL.
       ENVIRONMENT DIVISION.
       INPUT-OUTPUT SECTION.
       FILE-CONTROL.
           SELECT OPTIONAL MAYBE-IN ASSIGN TO "absent.dat"
               ORGANIZATION IS LINE SEQUENTIAL
               FILE STATUS IS FS.
           SELECT OPTIONAL MAYBE-OUT ASSIGN TO "grown.dat"
               ORGANIZATION IS LINE SEQUENTIAL
               FILE STATUS IS FS.
           SELECT PLAIN-OUT ASSIGN TO "plain.dat"
               ORGANIZATION IS LINE SEQUENTIAL
               FILE STATUS IS FS.
       DATA DIVISION.
       FILE SECTION.
       FD MAYBE-IN.
       01 IN-REC PIC X(10).
       FD MAYBE-OUT.
       01 OUT-REC PIC X(10).
       FD PLAIN-OUT.
       01 PLAIN-REC PIC X(10).
       WORKING-STORAGE SECTION.
       01 FS PIC XX.
       PROCEDURE DIVISION.
           OPEN INPUT MAYBE-IN
           DISPLAY "open input optional absent: " FS
           READ MAYBE-IN
               AT END DISPLAY "at end: " FS
               NOT AT END DISPLAY "record?: " FS
           END-READ
           CLOSE MAYBE-IN
           DISPLAY "close: " FS
           OPEN EXTEND PLAIN-OUT
           DISPLAY "open extend absent: " FS
           OPEN EXTEND MAYBE-OUT
           DISPLAY "open extend optional absent: " FS
           MOVE "first" TO OUT-REC
           WRITE OUT-REC
           CLOSE MAYBE-OUT
           OPEN EXTEND MAYBE-OUT
           DISPLAY "open extend optional present: " FS
           MOVE "second" TO OUT-REC
           WRITE OUT-REC
           CLOSE MAYBE-OUT
           OPEN INPUT MAYBE-OUT
           DISPLAY "open input optional present: " FS
           PERFORM 2 TIMES
               READ MAYBE-OUT
               DISPLAY OUT-REC " " FS
           END-PERFORM
           CLOSE MAYBE-OUT
           STOP RUN.
