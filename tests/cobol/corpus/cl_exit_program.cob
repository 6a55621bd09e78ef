      * CL-EXIT-PROGRAM: EXIT PROGRAM does nothing in the main program
      * and returns from a called one (like GOBACK).
      * The main program goes on after EXIT PROGRAM; its last EXIT
      * PROGRAM is followed by one more DISPLAY, which also runs.
       IDENTIFICATION DIVISION.
       PROGRAM-ID. CL-EXIT-PROGRAM.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-MODE             PIC 9.
       PROCEDURE DIVISION.
       MAIN-PARA.
           DISPLAY "MAIN START"
           EXIT PROGRAM
           DISPLAY "MAIN GOES ON"
           MOVE 1 TO WS-MODE
           CALL "CL-EXIT-PROGRAM-SUB" USING WS-MODE
           MOVE 2 TO WS-MODE
           CALL "CL-EXIT-PROGRAM-SUB" USING WS-MODE
           DISPLAY "MAIN END " WS-MODE
           EXIT PROGRAM.
           DISPLAY "AFTER THE LAST EXIT PROGRAM".
