       IDENTIFICATION DIVISION.
       PROGRAM-ID. DATA-SEPARATORS.
      * A comma or semicolon followed by a space separates clauses and
      * operands; in the default dialect "1,2" is two literals, not 1.2.
      * (With DECIMAL-POINT IS COMMA a comma between digits would be the
      * decimal point instead.)
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01 A PIC 9, BLANK WHEN ZERO, VALUE 7.
       01 B PIC 99; VALUE 42.
       01 C PIC X(3), VALUE "abc".
       PROCEDURE DIVISION.
           DISPLAY A "|" B "|" C
           MOVE 0 TO A
           DISPLAY "[" A "]"
           DISPLAY 1,2,3 NO ADVANCING
           DISPLAY "; " 4;5
           ADD 1, 2 TO B
           DISPLAY B
           STOP RUN.
