      * CL-ONE-INSTANCE-MID: subprogram of CL-ONE-INSTANCE that calls
      * the counter too, and counts its own calls.
      * Its own counter shows that it, too, keeps its storage
      * between calls; it CALLs CL-ONE-INSTANCE-CNT each time, which
      * shares the counter with the main program's calls.
      *
      *
      *
      *
       IDENTIFICATION DIVISION.
       PROGRAM-ID. CL-ONE-INSTANCE-MID.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-MINE             PIC 9 VALUE 0.
       PROCEDURE DIVISION.
       MID-PARA.
           ADD 1 TO WS-MINE
           DISPLAY "MID CALL " WS-MINE
           CALL "CL-ONE-INSTANCE-CNT"
           GOBACK.
