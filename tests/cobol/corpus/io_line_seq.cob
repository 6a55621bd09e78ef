      * IO-LINE-SEQ: a LINE SEQUENTIAL file written (trailing spaces
      * are not written) and read back, with FILE STATUS after each
      * operation, AT END / NOT AT END, and a missing file (status 35).
       IDENTIFICATION DIVISION.
       PROGRAM-ID. IO-LINE-SEQ.
       ENVIRONMENT DIVISION.
       INPUT-OUTPUT SECTION.
       FILE-CONTROL.
           SELECT OUT-FILE ASSIGN TO "lines.txt"
               ORGANIZATION IS LINE SEQUENTIAL
               FILE STATUS IS WS-STATUS.
           SELECT MISSING-FILE ASSIGN TO "no-such-file.txt"
               ORGANIZATION IS LINE SEQUENTIAL
               FILE STATUS IS WS-STATUS.
       DATA DIVISION.
       FILE SECTION.
       FD  OUT-FILE.
       01  OUT-REC             PIC X(20).
       FD  MISSING-FILE.
       01  MISSING-REC         PIC X(20).
       WORKING-STORAGE SECTION.
       01  WS-STATUS           PIC XX.
       01  WS-EOF              PIC X VALUE "N".
       01  WS-I                PIC 9.
       01  WS-COUNT            PIC 9 VALUE 0.
       PROCEDURE DIVISION.
       MAIN-PARA.
           OPEN OUTPUT OUT-FILE
           DISPLAY "OPEN-OUTPUT=" WS-STATUS
           PERFORM VARYING WS-I FROM 1 BY 1 UNTIL WS-I > 3
               MOVE SPACES TO OUT-REC
               STRING "LINE " WS-I " OF 3" DELIMITED BY SIZE
                   INTO OUT-REC
               WRITE OUT-REC
               DISPLAY "WRITE-" WS-I "=" WS-STATUS
           END-PERFORM
           MOVE "  indented" TO OUT-REC
           WRITE OUT-REC
           CLOSE OUT-FILE
           DISPLAY "CLOSE=" WS-STATUS
           OPEN INPUT OUT-FILE
           DISPLAY "OPEN-INPUT=" WS-STATUS
           PERFORM UNTIL WS-EOF = "Y"
               READ OUT-FILE
                   AT END
                       MOVE "Y" TO WS-EOF
                       DISPLAY "AT-END=" WS-STATUS
                   NOT AT END
                       ADD 1 TO WS-COUNT
                       DISPLAY "READ=[" OUT-REC "] " WS-STATUS
               END-READ
           END-PERFORM
           DISPLAY "COUNT=" WS-COUNT
           CLOSE OUT-FILE
           OPEN INPUT MISSING-FILE
           DISPLAY "OPEN-MISSING=" WS-STATUS
           STOP RUN.
