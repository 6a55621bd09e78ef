       IDENTIFICATION DIVISION.
       PROGRAM-ID. CDIR-DEFINE-IF.
      * Conditional compilation: >>DEFINE a name, >>IF name DEFINED /
      * NOT DEFINED with >>ELSE and >>END-IF keep or drop source lines.
       >>DEFINE GREET AS 1
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       >>IF GREET DEFINED
       01 MSG PIC X(5) VALUE "hello".
       >>ELSE
       01 MSG PIC X(5) VALUE "bye".
       >>END-IF
       PROCEDURE DIVISION.
           DISPLAY MSG
       >>IF OTHER-NAME DEFINED
           DISPLAY "other is defined"
       >>ELSE
           DISPLAY "other is not defined"
       >>END-IF
       >>IF OTHER-NAME NOT DEFINED
           DISPLAY "checked with NOT"
       >>END-IF
           STOP RUN.
