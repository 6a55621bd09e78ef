      * ST-UNSTRING-MORE: UNSTRING without DELIMITED BY (receiver size),
      * multi-character and data-item delimiters, pointer out of range,
      * receivers left alone once the source is used up, JUSTIFIED and
      * numeric receivers, DELIMITER IN a numeric item, NOT ON OVERFLOW.
       IDENTIFICATION DIVISION.
       PROGRAM-ID. ST-UNSTRING-MORE.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  WS-IN               PIC X(20) VALUE "AB--CD----EF--".
       01  WS-SEP              PIC XX VALUE "--".
       01  WS-A                PIC X(3).
       01  WS-B                PIC X(3).
       01  WS-C                PIC X(3).
       01  WS-J                PIC X(5) JUSTIFIED RIGHT.
       01  WS-N                PIC 9(3).
       01  WS-DN               PIC 9.
       01  WS-CA               PIC 99.
       01  WS-CB               PIC 99.
       01  WS-P                PIC S99.
       01  WS-T                PIC 99 VALUE 5.
       01  WS-DATE             PIC X(8) VALUE "20240317".
       01  WS-YY               PIC X(4).
       01  WS-MM               PIC 99.
       01  WS-DD               PIC 99.
       01  WS-CSV              PIC X(12) VALUE "7,x,42".
       PROCEDURE DIVISION.
       MAIN-PARA.
           UNSTRING WS-DATE INTO WS-YY WS-MM WS-DD
           DISPLAY "DATE=" WS-YY "/" WS-MM "/" WS-DD
           MOVE "???" TO WS-A WS-B WS-C
           UNSTRING WS-IN DELIMITED BY WS-SEP
               INTO WS-A COUNT IN WS-CA WS-B WS-C
               TALLYING IN WS-T
               ON OVERFLOW DISPLAY "OVF-1"
               NOT ON OVERFLOW DISPLAY "NO-OVF-1"
           END-UNSTRING
           DISPLAY "A=[" WS-A "] B=[" WS-B "] C=[" WS-C "] CA=" WS-CA
               " T=" WS-T
           MOVE "???" TO WS-A WS-B WS-C
           UNSTRING WS-IN DELIMITED BY ALL "--" OR ALL SPACE
               INTO WS-A WS-B WS-C COUNT IN WS-CB
           END-UNSTRING
           DISPLAY "ALL A=[" WS-A "] B=[" WS-B "] C=[" WS-C "]"
               " CB=" WS-CB
           MOVE 0 TO WS-P
           UNSTRING WS-IN DELIMITED BY "-" INTO WS-A WITH POINTER WS-P
               ON OVERFLOW DISPLAY "OVF-PTR-0 P=" WS-P
           END-UNSTRING
           MOVE 21 TO WS-P
           UNSTRING WS-IN DELIMITED BY "-" INTO WS-A WITH POINTER WS-P
               ON OVERFLOW DISPLAY "OVF-PTR-21 P=" WS-P
           END-UNSTRING
           MOVE 5 TO WS-P
           MOVE "???" TO WS-A
           UNSTRING WS-IN DELIMITED BY "-" INTO WS-A WS-B
               WITH POINTER WS-P
           END-UNSTRING
           DISPLAY "P5 A=[" WS-A "] B=[" WS-B "] P=" WS-P
           UNSTRING WS-CSV DELIMITED BY "," OR "x"
               INTO WS-N DELIMITER IN WS-DN
                    WS-J DELIMITER IN WS-A
                    WS-C DELIMITER IN WS-DN
           END-UNSTRING
           DISPLAY "N=" WS-N " J=[" WS-J "] A=[" WS-A "] C=[" WS-C
               "] DN=" WS-DN
           MOVE "ONE TWO" TO WS-CSV
           MOVE "???" TO WS-A WS-B WS-C
           UNSTRING WS-CSV DELIMITED BY SPACE
               INTO WS-A WS-B WS-C
           END-UNSTRING
           DISPLAY "SP A=[" WS-A "] B=[" WS-B "] C=[" WS-C "]"
           STOP RUN.
