      * CL-CALL: CALL of a subprogram (cl_call_sub.cob, compiled into
      * the same executable) BY REFERENCE (changes are seen by the
      * caller) and BY CONTENT (changes are not), with RETURNING via
      * RETURN-CODE, and state kept between calls.
       IDENTIFICATION DIVISION.
       PROGRAM-ID. CL-CALL.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-A                PIC 9(4) VALUE 10.
       01  WS-B                PIC 9(4) VALUE 20.
       01  WS-C                PIC 9(4) VALUE 7.
       01  WS-NAME             PIC X(8) VALUE "caller".
       PROCEDURE DIVISION.
       MAIN-PARA.
           CALL "CL-CALL-SUB" USING BY REFERENCE WS-A
                                    BY CONTENT WS-B
                                    BY REFERENCE WS-NAME
           END-CALL
           DISPLAY "A-AFTER=" WS-A
           DISPLAY "B-AFTER=" WS-B
           DISPLAY "NAME-AFTER=[" WS-NAME "]"
           DISPLAY "RC-AFTER-1=" RETURN-CODE
           CALL "CL-CALL-SUB" USING WS-A
                                    BY CONTENT WS-C
                                    WS-NAME
           DISPLAY "A-AFTER-2=" WS-A
           DISPLAY "C-AFTER-2=" WS-C
           DISPLAY "RC-AFTER-2=" RETURN-CODE
           MOVE 0 TO RETURN-CODE
           STOP RUN.
