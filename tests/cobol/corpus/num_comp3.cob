      * NUM-COMP3: packed decimal (COMP-3) values, their byte lengths,
      * and their storage bytes (two digits a byte, sign nibble last)
      * shown as hex through a REDEFINES.
       IDENTIFICATION DIVISION.
       PROGRAM-ID. NUM-COMP3.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-P5               PIC S9(5) COMP-3.
       01  WS-P5-X REDEFINES WS-P5 PIC X(3).
       01  WS-P4U              PIC 9(4) COMP-3.
       01  WS-P4U-X REDEFINES WS-P4U PIC X(3).
       01  WS-P7V2             PIC S9(5)V99 PACKED-DECIMAL.
       01  WS-HEXDIGITS        PIC X(16) VALUE "0123456789ABCDEF".
       01  WS-HEX              PIC X(8).
       01  WS-I                PIC 9(2).
       01  WS-BYTE             PIC 9(3).
       01  WS-HI               PIC 9(2).
       01  WS-LO               PIC 9(2).
       01  WS-RAW              PIC X(4).
       01  WS-LEN              PIC 9(2).
       PROCEDURE DIVISION.
       MAIN-PARA.
           MOVE -12345 TO WS-P5
           DISPLAY "P5=" WS-P5
           MOVE WS-P5-X TO WS-RAW
           MOVE 3 TO WS-LEN
           PERFORM SHOW-HEX
           DISPLAY "P5-HEX=[" WS-HEX "]"
           MOVE 12345 TO WS-P5
           MOVE WS-P5-X TO WS-RAW
           PERFORM SHOW-HEX
           DISPLAY "P5-POS-HEX=[" WS-HEX "]"
           MOVE 42 TO WS-P4U
           MOVE WS-P4U-X TO WS-RAW
           PERFORM SHOW-HEX
           DISPLAY "P4U-HEX=[" WS-HEX "]"
           DISPLAY "P4U-LEN=" FUNCTION LENGTH(WS-P4U)
           MOVE -98765.43 TO WS-P7V2
           DISPLAY "P7V2=" WS-P7V2
           DISPLAY "P7V2-LEN=" FUNCTION LENGTH(WS-P7V2)
           ADD 100000 TO WS-P7V2
           DISPLAY "P7V2+100000=" WS-P7V2
           COMPUTE WS-P5 = WS-P7V2 * 2
           DISPLAY "P5-FROM=" WS-P5
           STOP RUN.
       SHOW-HEX.
           MOVE SPACES TO WS-HEX
           PERFORM VARYING WS-I FROM 1 BY 1 UNTIL WS-I > WS-LEN
               COMPUTE WS-BYTE = FUNCTION ORD(WS-RAW(WS-I:1)) - 1
               DIVIDE WS-BYTE BY 16 GIVING WS-HI REMAINDER WS-LO
               MOVE WS-HEXDIGITS(WS-HI + 1:1) TO WS-HEX(WS-I * 2 - 1:1)
               MOVE WS-HEXDIGITS(WS-LO + 1:1) TO WS-HEX(WS-I * 2:1)
           END-PERFORM.
