      * MV-GROUP: a group MOVE is a byte copy with no conversion,
      * padded with spaces or truncated like alphanumeric data.
       IDENTIFICATION DIVISION.
       PROGRAM-ID. MV-GROUP.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-SRC.
           05  WS-S-CODE       PIC X(3) VALUE "ABC".
           05  WS-S-NUM        PIC 9(4) VALUE 1234.
           05  WS-S-TAG        PIC X(2) VALUE "ZZ".
       01  WS-DST.
           05  WS-D-NUM        PIC 9(3).
           05  WS-D-TXT        PIC X(6).
       01  WS-BIG.
           05  WS-B-A          PIC X(5).
           05  WS-B-B          PIC X(8).
       01  WS-SMALL            PIC X(4).
       PROCEDURE DIVISION.
       MAIN-PARA.
           MOVE WS-SRC TO WS-DST
           DISPLAY "DST=[" WS-DST "]"
           DISPLAY "D-TXT=[" WS-D-TXT "]"
           MOVE WS-SRC TO WS-BIG
           DISPLAY "B-A=[" WS-B-A "]"
           DISPLAY "B-B=[" WS-B-B "]"
           MOVE WS-SRC TO WS-SMALL
           DISPLAY "SMALL=[" WS-SMALL "]"
           MOVE "9876" TO WS-DST
           DISPLAY "D-NUM2=[" WS-D-NUM "]"
           DISPLAY "D-TXT2=[" WS-D-TXT "]"
           MOVE 55 TO WS-D-NUM
           MOVE WS-DST TO WS-SRC
           DISPLAY "SRC=[" WS-SRC "]"
           STOP RUN.
