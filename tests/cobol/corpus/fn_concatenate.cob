      * FN-CONCATENATE: FUNCTION CONCATENATE joins the bytes of
      * alphanumeric items (trailing spaces kept) and literals; as a
      * MOVE source, a STRING source and a DISPLAY item.
       IDENTIFICATION DIVISION.
       PROGRAM-ID. FN-CONCATENATE.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-FIRST            PIC X(5) VALUE "Ada".
       01  WS-LAST             PIC X(8) VALUE "Lovelace".
       01  WS-REC.
           05  WS-A            PIC X(2) VALUE "ab".
           05  WS-B            PIC X(2) VALUE "cd".
       01  WS-OUT              PIC X(20).
       01  WS-SHORT            PIC X(6).
       01  WS-PTR              PIC 99 VALUE 1.
       PROCEDURE DIVISION.
       MAIN-PARA.
           MOVE FUNCTION CONCATENATE(WS-FIRST "/" WS-LAST) TO WS-OUT
           DISPLAY "[" WS-OUT "]"
           MOVE FUNCTION CONCATENATE(WS-LAST WS-FIRST) TO WS-SHORT
           DISPLAY "[" WS-SHORT "]"
           DISPLAY FUNCTION CONCATENATE(WS-REC "-" WS-B WS-A)
           MOVE SPACES TO WS-OUT
           STRING FUNCTION CONCATENATE("x" "y" "z") DELIMITED BY SIZE
                  "!" DELIMITED BY SIZE
               INTO WS-OUT WITH POINTER WS-PTR
           END-STRING
           DISPLAY "[" WS-OUT "] " WS-PTR
           STOP RUN.
