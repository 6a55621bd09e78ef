      * ST-STRING-HEX: hexadecimal literals (X"41") as STRING sources
      * and delimiters, and as INSPECT operands, are their bytes, not
      * the hex digits written in the source.
       IDENTIFICATION DIVISION.
       PROGRAM-ID. ST-STRING-HEX.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01 T PIC X(8) VALUE SPACES.
       01 U PIC X(8) VALUE "A-B-C".
       01 N PIC 99 VALUE 0.
       PROCEDURE DIVISION.
           STRING X"41" "B" X"4344" DELIMITED BY SIZE INTO T
           DISPLAY "[" T "]"
           MOVE SPACES TO T
           STRING U DELIMITED BY X"2D" "!" DELIMITED BY SIZE INTO T
           DISPLAY "[" T "]"
           INSPECT U TALLYING N FOR ALL X"2D"
           DISPLAY "N=" N
           INSPECT U REPLACING ALL X"2D" BY X"2B"
           DISPLAY "[" U "]"
           STOP RUN.
