      * ST-INSPECT-MORE: TALLYING and REPLACING in one statement, phrase
      * by phrase (a counted character is not seen again),
      * BEFORE and AFTER together, figurative and data-item
      * operands, TRAILING, CONVERTING a group and with AFTER.
       IDENTIFICATION DIVISION.
       PROGRAM-ID. ST-INSPECT-MORE.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-S                PIC X(16) VALUE "ABAB  XAB*AB  Z".
       01  WS-T                PIC X(16).
       01  WS-REC.
           05  WS-R1           PIC X(3) VALUE "abc".
           05  WS-R2           PIC 9(3) VALUE 120.
       01  WS-FROM             PIC X(3) VALUE "abc".
       01  WS-TO               PIC X(3) VALUE "XYZ".
       01  WS-MARK             PIC X VALUE "*".
       01  WS-NUM              PIC 9(6) VALUE 4500.
       01  N1                  PIC 99.
       01  N2                  PIC 99.
       01  N3                  PIC 999.
       PROCEDURE DIVISION.
       MAIN-PARA.
           MOVE 0 TO N1 N2 N3
           INSPECT WS-S TALLYING N1 FOR ALL "BA" N2 FOR ALL "AB"
           DISPLAY "BA=" N1 " AB=" N2
           MOVE 0 TO N1 N2
           INSPECT WS-S TALLYING N1 FOR CHARACTERS
                                 N2 FOR ALL SPACES
           DISPLAY "CHARS=" N1 " SPACES=" N2
           MOVE 0 TO N1 N2
           INSPECT WS-S TALLYING N1 FOR ALL SPACES
                                 N2 FOR CHARACTERS
           DISPLAY "SPACES=" N1 " CHARS=" N2
           MOVE 0 TO N1 N2
           INSPECT WS-S TALLYING N1 FOR LEADING "A" LEADING "B"
           DISPLAY "LEAD-A-B=" N1
           MOVE 0 TO N1
           INSPECT WS-S TALLYING N1 FOR ALL "AB"
               AFTER INITIAL "X" BEFORE INITIAL WS-MARK
           DISPLAY "AB-X-STAR=" N1
           MOVE 0 TO N1
           INSPECT WS-S TALLYING N1 FOR ALL "A" AFTER INITIAL "Q"
           DISPLAY "AFTER-MISSING=" N1
           MOVE 0 TO N1
           INSPECT WS-S TALLYING N1 FOR TRAILING SPACES
           DISPLAY "TRAILING=" N1
           MOVE 0 TO N1 N2
           MOVE WS-S TO WS-T
           INSPECT WS-T TALLYING N1 FOR ALL "A"
               REPLACING ALL "A" BY "a" AFTER INITIAL "X"
                         FIRST "B" BY "b"
                         ALL SPACES BY ZERO
           DISPLAY "TALLY-REPL=" N1 " [" WS-T "]"
           MOVE WS-S TO WS-T
           INSPECT WS-T REPLACING CHARACTERS BY "." BEFORE INITIAL " "
                                  ALL "A" BY "!"
           DISPLAY "CHARS-THEN-A=[" WS-T "]"
           MOVE WS-S TO WS-T
           INSPECT WS-T REPLACING LEADING "AB" BY "xy"
                                  TRAILING SPACE BY "-"
           DISPLAY "LEAD-TRAIL=[" WS-T "]"
           MOVE WS-S TO WS-T
           INSPECT WS-T REPLACING ALL "AB" BY "12" BEFORE INITIAL "Z"
                                                   AFTER INITIAL "*"
           DISPLAY "AB-RANGE=[" WS-T "]"
           INSPECT WS-REC CONVERTING WS-FROM TO WS-TO
           DISPLAY "REC=[" WS-REC "]"
           INSPECT WS-REC CONVERTING "0123" TO "ABCD" AFTER INITIAL "Y"
           DISPLAY "REC2=[" WS-REC "]"
           MOVE 0 TO N3
           INSPECT WS-NUM TALLYING N3 FOR ALL ZEROS
           DISPLAY "ZEROS=" N3
           INSPECT WS-NUM REPLACING LEADING ZEROS BY SPACE
           DISPLAY "NUM=[" WS-NUM "]"
           STOP RUN.
