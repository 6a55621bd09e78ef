      * CL-EXIT-PROGRAM-SUB: subprogram of CL-EXIT-PROGRAM; leaves by
      * EXIT PROGRAM inside an IF when its parameter is 2.
      * With mode 1 it runs both paragraphs (falling through to
      * SUB-MORE), with mode 2 it sets the parameter to 7 and leaves.
       IDENTIFICATION DIVISION.
       PROGRAM-ID. CL-EXIT-PROGRAM-SUB.
       DATA DIVISION.
       LINKAGE SECTION.
       01  LK-MODE             PIC 9.
       PROCEDURE DIVISION USING LK-MODE.
       SUB-PARA.
           DISPLAY "SUB MODE " LK-MODE
           IF LK-MODE = 2
               MOVE 7 TO LK-MODE
               EXIT PROGRAM
           END-IF
           DISPLAY "SUB FULL RUN".
       SUB-MORE.
           DISPLAY "SUB SECOND PARAGRAPH"
           GOBACK.
