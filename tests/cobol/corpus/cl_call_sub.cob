      * CL-CALL-SUB: subprogram of CL-CALL.  Doubles its first
      * parameter, adds 1000 to its second (a BY CONTENT copy), writes
      * its third, counts calls in WORKING-STORAGE (kept between
      * calls) and returns the call count in RETURN-CODE.
       IDENTIFICATION DIVISION.
       PROGRAM-ID. CL-CALL-SUB.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-CALLS            PIC 99 VALUE 0.
       LINKAGE SECTION.
       01  LK-A                PIC 9(4).
       01  LK-B                PIC 9(4).
       01  LK-NAME             PIC X(8).
       PROCEDURE DIVISION USING LK-A LK-B LK-NAME.
       SUB-MAIN.
           ADD 1 TO WS-CALLS
           DISPLAY "SUB-CALL=" WS-CALLS
           DISPLAY "SUB-B-IN=" LK-B
           COMPUTE LK-A = LK-A * 2
           ADD 1000 TO LK-B
           DISPLAY "SUB-B-CHANGED=" LK-B
           MOVE "callee" TO LK-NAME
           MOVE WS-CALLS TO RETURN-CODE
           GOBACK.
