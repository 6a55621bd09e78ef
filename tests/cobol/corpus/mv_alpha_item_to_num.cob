      * MV-ALPHA-ITEM-TO-NUM: an alphanumeric data item (not a literal)
      * moved to a numeric item at run time: spaces around are ignored,
      * a leading sign counts, digits align on the decimal point and
      * the move stops at a character that is not a digit.
       IDENTIFICATION DIVISION.
       PROGRAM-ID. MV-ALPHA-ITEM-TO-NUM.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-T                PIC X(6).
       01  WS-N4               PIC 9(4).
       01  WS-S4               PIC S9(4).
       01  WS-V                PIC 9(3)V99.
       01  WS-P                PIC S9(3)V9 COMP-3.
       01  WS-B                PIC 9(4) COMP.
       PROCEDURE DIVISION.
       MAIN-PARA.
           MOVE " 12 " TO WS-T
           PERFORM SHOW
           MOVE "-12" TO WS-T
           PERFORM SHOW
           MOVE "1x23" TO WS-T
           PERFORM SHOW
           MOVE "12,345" TO WS-T
           PERFORM SHOW
           MOVE "3.14" TO WS-T
           PERFORM SHOW
           MOVE "1.2.3" TO WS-T
           PERFORM SHOW
           MOVE "ABC" TO WS-T
           PERFORM SHOW
           MOVE "123456" TO WS-T
           PERFORM SHOW
           MOVE "+7 8" TO WS-T
           PERFORM SHOW
           STOP RUN.
       SHOW.
           MOVE WS-T TO WS-N4
           MOVE WS-T TO WS-S4
           MOVE WS-T TO WS-V
           MOVE WS-T TO WS-P
           MOVE WS-T TO WS-B
           DISPLAY "[" WS-T "] " WS-N4 " " WS-S4 " " WS-V " " WS-P
               " " WS-B
           MOVE WS-T(2:3) TO WS-N4
           DISPLAY "  REFMOD " WS-N4.
