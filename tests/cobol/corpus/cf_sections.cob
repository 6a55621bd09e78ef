      * CF-SECTIONS: PERFORM of a SECTION runs all its paragraphs;
      * paragraph names are qualified by section (IN); control falls
      * from one section into the next.
       IDENTIFICATION DIVISION.
       PROGRAM-ID. CF-SECTIONS.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-TOTAL            PIC 9(3) VALUE 0.
       PROCEDURE DIVISION.
       MAIN-SECTION SECTION.
       MAIN-START.
           PERFORM CALC-SECTION
           DISPLAY "AFTER-CALC=" WS-TOTAL
           PERFORM STEP IN REPORT-SECTION
           DISPLAY "AFTER-STEP=" WS-TOTAL
           PERFORM STEP IN CALC-SECTION
           DISPLAY "AFTER-CALC-STEP=" WS-TOTAL
           GO TO FINAL-SECTION.
       CALC-SECTION SECTION.
       CALC-START.
           ADD 1 TO WS-TOTAL
           DISPLAY "CALC-START".
       STEP.
           ADD 10 TO WS-TOTAL
           DISPLAY "CALC-STEP".
       REPORT-SECTION SECTION.
       STEP.
           ADD 100 TO WS-TOTAL
           DISPLAY "REPORT-STEP".
       FINAL-SECTION SECTION.
       FINAL-PARA.
           DISPLAY "FINAL=" WS-TOTAL.
       TAIL-SECTION SECTION.
       TAIL-PARA.
           DISPLAY "TAIL-FALLTHROUGH"
           STOP RUN.
