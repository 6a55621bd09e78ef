      * ST-INSPECT: INSPECT TALLYING (ALL, LEADING, CHARACTERS, BEFORE
      * and AFTER INITIAL), REPLACING (ALL, LEADING, FIRST) and
      * CONVERTING.
       IDENTIFICATION DIVISION.
       PROGRAM-ID. ST-INSPECT.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-S                PIC X(20) VALUE "00A1,B2,,C3 ABA".
       01  WS-T                PIC X(20).
       01  WS-N1               PIC 99.
       01  WS-N2               PIC 99.
       01  WS-N3               PIC 99.
       PROCEDURE DIVISION.
       MAIN-PARA.
           MOVE 0 TO WS-N1 WS-N2 WS-N3
           INSPECT WS-S TALLYING WS-N1 FOR ALL ","
           DISPLAY "COMMAS=" WS-N1
           INSPECT WS-S TALLYING WS-N2 FOR LEADING "0"
           DISPLAY "LEADING-ZEROS=" WS-N2
           INSPECT WS-S TALLYING WS-N3 FOR CHARACTERS BEFORE INITIAL ","
           DISPLAY "BEFORE-COMMA=" WS-N3
           MOVE 0 TO WS-N1 WS-N2
           INSPECT WS-S TALLYING WS-N1 FOR ALL "A"
                             WS-N2 FOR ALL "B" AFTER INITIAL " "
           DISPLAY "A-COUNT=" WS-N1
           DISPLAY "B-AFTER-SPACE=" WS-N2
           MOVE 0 TO WS-N1
           INSPECT WS-S TALLYING WS-N1 FOR ALL "AB" ALL "A"
           DISPLAY "AB-THEN-A=" WS-N1
           MOVE WS-S TO WS-T
           INSPECT WS-T REPLACING ALL "," BY ";"
           DISPLAY "REPL-ALL=[" WS-T "]"
           MOVE WS-S TO WS-T
           INSPECT WS-T REPLACING LEADING "0" BY "*"
           DISPLAY "REPL-LEADING=[" WS-T "]"
           MOVE WS-S TO WS-T
           INSPECT WS-T REPLACING FIRST "A" BY "X"
           DISPLAY "REPL-FIRST=[" WS-T "]"
           MOVE WS-S TO WS-T
           INSPECT WS-T REPLACING CHARACTERS BY "#" AFTER INITIAL " "
           DISPLAY "REPL-CHARS=[" WS-T "]"
           MOVE WS-S TO WS-T
           INSPECT WS-T CONVERTING "ABC0123" TO "abcZOTT"
           DISPLAY "CONVERT=[" WS-T "]"
           MOVE WS-S TO WS-T
           INSPECT WS-T CONVERTING "," TO "-" BEFORE INITIAL "C"
           DISPLAY "CONVERT-BEFORE=[" WS-T "]"
           STOP RUN.
