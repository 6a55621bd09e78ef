      * ST-STRING: STRING with DELIMITED BY SIZE / SPACE / a literal,
      * WITH POINTER (updated past the last character written), the
      * receiver's untouched tail, and ON OVERFLOW.
       IDENTIFICATION DIVISION.
       PROGRAM-ID. ST-STRING.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-FIRST            PIC X(10) VALUE "JOHN".
       01  WS-LAST             PIC X(10) VALUE "SMITH".
       01  WS-CSV              PIC X(12) VALUE "RED,GREEN".
       01  WS-OUT              PIC X(24).
       01  WS-SMALL            PIC X(8).
       01  WS-PTR              PIC 99.
       PROCEDURE DIVISION.
       MAIN-PARA.
           MOVE ALL "." TO WS-OUT
           STRING WS-FIRST DELIMITED BY SPACE
                  " " DELIMITED BY SIZE
                  WS-LAST DELIMITED BY SPACE
                  INTO WS-OUT
           END-STRING
           DISPLAY "NAME=[" WS-OUT "]"
           MOVE SPACES TO WS-OUT
           STRING WS-CSV DELIMITED BY ","
                  "|" WS-FIRST DELIMITED BY SIZE
                  INTO WS-OUT
           DISPLAY "DELIM=[" WS-OUT "]"
           MOVE SPACES TO WS-OUT
           MOVE 5 TO WS-PTR
           STRING "AB" "CD" DELIMITED BY SIZE
                  INTO WS-OUT WITH POINTER WS-PTR
           DISPLAY "PTR-OUT=[" WS-OUT "]"
           DISPLAY "PTR-AFTER=" WS-PTR
           STRING "EF" DELIMITED BY SIZE INTO WS-OUT POINTER WS-PTR
           DISPLAY "PTR-APPEND=[" WS-OUT "]"
           DISPLAY "PTR-AFTER2=" WS-PTR
           MOVE SPACES TO WS-SMALL
           MOVE 1 TO WS-PTR
           STRING "ABCDEFGHIJ" DELIMITED BY SIZE
                  INTO WS-SMALL WITH POINTER WS-PTR
               ON OVERFLOW DISPLAY "OVERFLOW=YES"
               NOT ON OVERFLOW DISPLAY "OVERFLOW=NO"
           END-STRING
           DISPLAY "SMALL=[" WS-SMALL "]"
           DISPLAY "SMALL-PTR=" WS-PTR
           MOVE 0 TO WS-PTR
           STRING "X" DELIMITED BY SIZE INTO WS-SMALL POINTER WS-PTR
               ON OVERFLOW DISPLAY "PTR-ZERO=OVERFLOW"
           END-STRING
           DISPLAY "SMALL-UNCHANGED=[" WS-SMALL "]"
           STOP RUN.
