      * CF-LEVEL88: level-88 condition names with several values and
      * THRU ranges, SET condition TO TRUE (moves the first value),
      * and conditions on a group.
       IDENTIFICATION DIVISION.
       PROGRAM-ID. CF-LEVEL88.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-CODE             PIC 99.
           88  CODE-LOW        VALUE 1 THRU 9.
           88  CODE-SPECIAL    VALUE 15 20 25 THRU 27.
           88  CODE-VALID      VALUE 1 THRU 30.
       01  WS-STATUS           PIC X VALUE SPACE.
           88  ST-ACTIVE       VALUE "A" "Y".
           88  ST-CLOSED       VALUE "C".
           88  ST-BLANK        VALUE SPACE.
       01  WS-VALUES           PIC X(16) VALUE "0105152026304050".
       01  WS-I                PIC 99.
       PROCEDURE DIVISION.
       MAIN-PARA.
           PERFORM VARYING WS-I FROM 1 BY 2 UNTIL WS-I > 15
               MOVE WS-VALUES(WS-I:2) TO WS-CODE
               DISPLAY "CODE=" WS-CODE
               IF CODE-LOW DISPLAY "  LOW" END-IF
               IF CODE-SPECIAL DISPLAY "  SPECIAL" END-IF
               IF NOT CODE-VALID DISPLAY "  INVALID" END-IF
           END-PERFORM
           IF ST-BLANK DISPLAY "STATUS-BLANK=Y" END-IF
           SET ST-ACTIVE TO TRUE
           DISPLAY "SET-ACTIVE=[" WS-STATUS "]"
           MOVE "Y" TO WS-STATUS
           IF ST-ACTIVE DISPLAY "Y-IS-ACTIVE=Y" END-IF
           SET ST-CLOSED TO TRUE
           DISPLAY "SET-CLOSED=[" WS-STATUS "]"
           SET CODE-SPECIAL TO TRUE
           DISPLAY "SET-SPECIAL=" WS-CODE
           SET CODE-LOW TO TRUE
           DISPLAY "SET-LOW=" WS-CODE
           STOP RUN.
