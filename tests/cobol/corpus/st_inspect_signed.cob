      * ST-INSPECT-SIGNED: INSPECT of signed numeric DISPLAY items sees
      * the digits without the sign (overpunch or separate), which is
      * put back afterwards.
       IDENTIFICATION DIVISION.
       PROGRAM-ID. ST-INSPECT-SIGNED.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-S                PIC S9(5) VALUE -1200.
       01  WS-L                PIC S9(5) SIGN LEADING VALUE -3400.
       01  WS-T                PIC S9(4) SIGN TRAILING SEPARATE
                               VALUE -5060.
       01  N1                  PIC 99 VALUE 0.
       PROCEDURE DIVISION.
       MAIN-PARA.
           INSPECT WS-S TALLYING N1 FOR ALL "0"
           DISPLAY "N1=" N1
           INSPECT WS-S REPLACING ALL "0" BY "7"
           DISPLAY "S=" WS-S
           INSPECT WS-L REPLACING ALL "0" BY "1"
           DISPLAY "L=" WS-L
           INSPECT WS-T REPLACING ALL "0" BY "2"
           DISPLAY "T=" WS-T
           MOVE 0 TO N1
           INSPECT WS-T TALLYING N1 FOR CHARACTERS
           DISPLAY "N1=" N1
           INSPECT WS-S CONVERTING "17" TO "98"
           DISPLAY "S=" WS-S
           STOP RUN.
