      * CL-ONE-INSTANCE: a run unit holds one instance of each called
      * program: the counter keeps its WORKING-STORAGE whether the main
      * program or another subprogram calls it.
      * Calls: CNT, MID (which calls CNT), CNT, MID (CNT again): the
      * counter reaches 4, one count per call whoever makes it, and
      * MID's own counter reaches 2.  RETURN-CODE after the last CALL
      * is the one MID leaves, which CNT set: 4.  It is reset to 0
      * before STOP RUN so that the exit status is 0.
      *
       IDENTIFICATION DIVISION.
       PROGRAM-ID. CL-ONE-INSTANCE.
       PROCEDURE DIVISION.
       MAIN-PARA.
           CALL "CL-ONE-INSTANCE-CNT"
           CALL "CL-ONE-INSTANCE-MID"
           CALL "CL-ONE-INSTANCE-CNT"
           CALL "CL-ONE-INSTANCE-MID"
           DISPLAY "LAST COUNT " RETURN-CODE
           MOVE 0 TO RETURN-CODE
           STOP RUN.
