      * CF-PERFORM-THRU: PERFORM of one paragraph, PERFORM A THRU C
      * running A, B and C in source order, and EXIT paragraphs.
       IDENTIFICATION DIVISION.
       PROGRAM-ID. CF-PERFORM-THRU.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-TRACE            PIC X(20) VALUE SPACES.
       01  WS-P                PIC 99 VALUE 1.
       PROCEDURE DIVISION.
       MAIN-PARA.
           PERFORM PARA-B
           DISPLAY "SINGLE=[" WS-TRACE "]"
           MOVE SPACES TO WS-TRACE
           MOVE 1 TO WS-P
           PERFORM PARA-A THRU PARA-C
           DISPLAY "THRU=[" WS-TRACE "]"
           MOVE SPACES TO WS-TRACE
           MOVE 1 TO WS-P
           PERFORM PARA-B THRU PARA-EXIT
           DISPLAY "THRU-EXIT=[" WS-TRACE "]"
           MOVE SPACES TO WS-TRACE
           MOVE 1 TO WS-P
           PERFORM PARA-C THRU PARA-C
           DISPLAY "C-THRU-C=[" WS-TRACE "]"
           STOP RUN.
       PARA-A.
           MOVE "A" TO WS-TRACE(WS-P:1)
           ADD 1 TO WS-P.
       PARA-B.
           MOVE "B" TO WS-TRACE(WS-P:1)
           ADD 1 TO WS-P.
       PARA-C.
           MOVE "C" TO WS-TRACE(WS-P:1)
           ADD 1 TO WS-P.
       PARA-D.
           MOVE "D" TO WS-TRACE(WS-P:1)
           ADD 1 TO WS-P.
       PARA-EXIT.
           EXIT.
