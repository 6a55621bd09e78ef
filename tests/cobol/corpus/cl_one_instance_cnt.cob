      * CL-ONE-INSTANCE-CNT: subprogram of CL-ONE-INSTANCE counting
      * every call it gets, returned in RETURN-CODE.
      * The counter starts at 0 in the run unit's one instance of
      * this program and is never reset: IS INITIAL is not given.
      * Its callers: CL-ONE-INSTANCE and CL-ONE-INSTANCE-MID.
      * The count is also shown on every call.
      *
      *
      *
       IDENTIFICATION DIVISION.
       PROGRAM-ID. CL-ONE-INSTANCE-CNT.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-COUNT            PIC 99 VALUE 0.
       PROCEDURE DIVISION.
       CNT-PARA.
           ADD 1 TO WS-COUNT
           DISPLAY "COUNT " WS-COUNT
           MOVE WS-COUNT TO RETURN-CODE
           GOBACK.
