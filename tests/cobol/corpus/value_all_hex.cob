       IDENTIFICATION DIVISION.
       PROGRAM-ID. VALUE-ALL-HEX.
      * VALUE ALL literal repeats it; X"..." gives bytes, H"..." a
      * number written in hexadecimal. VALUEs under a REDEFINES do not
      * set the storage: the redefined item's VALUE does.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01 STARS PIC X(7) VALUE ALL "*-".
       01 ZEROS-ALL PIC X(4) VALUE ALL ZEROS.
       01 LETTERS PIC X(3) VALUE X"414243".
       01 HEXNUM PIC 9(6) VALUE H"0100".
       01 REC.
          05 DATE-TEXT PIC X(10) VALUE ALL "#".
          05 DATE-PARTS REDEFINES DATE-TEXT.
             10 YYYY PIC 9(4) VALUE 1999.
             10 FILLER PIC X VALUE "/".
             10 MM PIC 99.
             10 FILLER PIC X VALUE "/".
             10 DD PIC 99.
       01 PAIR PIC X(4).
       PROCEDURE DIVISION.
           DISPLAY STARS "|" ZEROS-ALL "|" LETTERS "|" HEXNUM
           DISPLAY DATE-TEXT
           MOVE 12 TO MM
           MOVE 31 TO DD
           DISPLAY DATE-TEXT
           INITIALIZE DATE-PARTS
           DISPLAY DATE-TEXT
           INITIALIZE DATE-PARTS ALL TO VALUE
           DISPLAY DATE-TEXT
           MOVE X"3132" TO PAIR
           DISPLAY "[" PAIR "]"
           MOVE ALL X"39" TO PAIR
           DISPLAY "[" PAIR "]"
           IF PAIR = ALL "9"
               DISPLAY "all nines"
           END-IF
           STOP RUN.
