      * CF-COMPARE: comparisons: alphanumeric operands of unequal
      * length compare as if the shorter were padded with spaces,
      * numeric operands compare by value whatever their sizes, and
      * figurative constants compare against every character.
       IDENTIFICATION DIVISION.
       PROGRAM-ID. CF-COMPARE.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-X3               PIC X(3) VALUE "AB".
       01  WS-X5               PIC X(5) VALUE "AB".
       01  WS-X5B              PIC X(5) VALUE "AB  C".
       01  WS-N1               PIC 9(3)V99 VALUE 7.5.
       01  WS-N2               PIC S9(5) COMP-3 VALUE 7.
       01  WS-N3               PIC S9(2)V9 VALUE -0.5.
       01  WS-Z                PIC X(4) VALUE "0000".
       PROCEDURE DIVISION.
       MAIN-PARA.
           IF WS-X3 = WS-X5 DISPLAY "X3=X5 Y" ELSE DISPLAY "X3=X5 N"
           END-IF
           IF WS-X3 < WS-X5B DISPLAY "X3<X5B Y" ELSE DISPLAY "X3<X5B N"
           END-IF
           IF WS-X5 = "AB" DISPLAY "X5=LIT Y" ELSE DISPLAY "X5=LIT N"
           END-IF
           IF "ABC" > "ABBZZ" DISPLAY "ABC>ABBZZ Y"
           ELSE DISPLAY "ABC>ABBZZ N" END-IF
           IF "a" > "Z" DISPLAY "LOWER>UPPER Y"
           ELSE DISPLAY "LOWER>UPPER N" END-IF
           IF "1" < "A" DISPLAY "DIGIT<LETTER Y"
           ELSE DISPLAY "DIGIT<LETTER N" END-IF
           IF WS-N1 > WS-N2 DISPLAY "7.5>7 Y" ELSE DISPLAY "7.5>7 N"
           END-IF
           IF WS-N3 < 0 DISPLAY "NEG<0 Y" ELSE DISPLAY "NEG<0 N"
           END-IF
           IF WS-N2 = 7.00 DISPLAY "7=7.00 Y" ELSE DISPLAY "7=7.00 N"
           END-IF
           IF WS-Z = ZERO DISPLAY "Z=ZERO Y" ELSE DISPLAY "Z=ZERO N"
           END-IF
           IF WS-X3 NOT = SPACES DISPLAY "X3-NOT-SPACES Y"
           ELSE DISPLAY "X3-NOT-SPACES N" END-IF
           IF WS-X3(3:1) = SPACE DISPLAY "X3-3-SPACE Y"
           ELSE DISPLAY "X3-3-SPACE N" END-IF
           IF WS-N3 IS NEGATIVE DISPLAY "N3-NEGATIVE Y" END-IF
           IF WS-N2 IS POSITIVE DISPLAY "N2-POSITIVE Y" END-IF
           IF WS-N1 > 10 OR WS-N1 NOT < 7.5
               DISPLAY "NOT-LESS Y"
           END-IF
           STOP RUN.
