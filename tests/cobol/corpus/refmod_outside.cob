       IDENTIFICATION DIVISION.
       PROGRAM-ID. REFMOD-OUTSIDE.
      * Without runtime checks cobc reads what lies around an item when
      * a reference modification or subscript leaves it: inside its
      * record the neighbouring bytes, after the record the zero bytes
      * that pad each record to 16 bytes.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01 WORD PIC X(4) VALUE "abcd".
       01 GRP.
          05 PART-A PIC X(3) VALUE "xyz".
          05 PART-B PIC X(3) VALUE "123".
       01 TBL.
          05 CELL PIC X OCCURS 3 VALUE "t".
          05 AFTER-CELLS PIC X VALUE "!".
       01 I PIC 99 VALUE 3.
       01 Z PIC 99 VALUE 0.
       01 K PIC 99 VALUE 4.
       PROCEDURE DIVISION.
           DISPLAY "[" WORD(3:I) "]"
           DISPLAY "[" PART-A(2:I) "]"
           DISPLAY "[" WORD(Z:2) "]"
           DISPLAY "[" CELL(K) "]"
           IF WORD(3:I) = "cd"
               DISPLAY "padded with spaces?"
           ELSE
               DISPLAY "not spaces"
           END-IF
           STOP RUN.
