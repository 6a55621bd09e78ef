      * ED-DECIMAL-COMMA-MORE: DECIMAL-POINT IS COMMA with level-88
      * values, numeric literals in DISPLAY and conditions, de-editing,
      * alphanumeric senders, CR and * editing, scaled DISPLAY items.
       IDENTIFICATION DIVISION.
       PROGRAM-ID. ED-DECIMAL-COMMA-MORE.
       ENVIRONMENT DIVISION.
       CONFIGURATION SECTION.
       SPECIAL-NAMES.
           DECIMAL-POINT IS COMMA.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-RATE             PIC 9V999 VALUE 0,125.
           88  RATE-LOW        VALUE 0,001 THRU 0,150.
       01  WS-AMT              PIC S9(5)V99 VALUE -42,5.
       01  WS-CR               PIC ZZ.ZZ9,99CR.
       01  WS-STAR             PIC **.**9,99.
       01  WS-BACK             PIC S9(5)V99.
       01  WS-TEXT             PIC X(6) VALUE "12,75".
       01  WS-NUM              PIC 999V99.
       01  WS-TAB.
           05  WS-T            PIC 9 OCCURS 3 VALUE 1.
       PROCEDURE DIVISION.
       MAIN-PARA.
           DISPLAY "RATE=" WS-RATE
           IF RATE-LOW DISPLAY "LOW" ELSE DISPLAY "HIGH" END-IF
           IF WS-RATE > 0,1 DISPLAY "GT-0,1" END-IF
           DISPLAY "LIT=" 3,25
           MOVE WS-AMT TO WS-CR
           DISPLAY "CR=[" WS-CR "]"
           MOVE 1234,5 TO WS-STAR
           DISPLAY "STAR=[" WS-STAR "]"
           MOVE WS-STAR TO WS-BACK
           DISPLAY "BACK=" WS-BACK
           MOVE WS-CR TO WS-BACK
           DISPLAY "BACK-CR=" WS-BACK
           MOVE WS-TEXT TO WS-NUM
           DISPLAY "FROM-TEXT=" WS-NUM
           COMPUTE WS-NUM = (WS-RATE + 1,5) * 2
           DISPLAY "COMPUTED=" WS-NUM
           DISPLAY "T2=" WS-T(2)
           STOP RUN.
