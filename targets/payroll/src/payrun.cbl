      * PAYRUN - biweekly payroll register.  Reads the employee file
      * named on the first line of standard input, computes gross pay,
      * deductions, taxes (via TAXCALC) and net pay, writes report.txt
      * and displays a summary.  Return code 0 = clean run,
      * 4 = records rejected, 16 = a file could not be opened.
       IDENTIFICATION DIVISION.
       PROGRAM-ID. PAYRUN.
       ENVIRONMENT DIVISION.
       INPUT-OUTPUT SECTION.
       FILE-CONTROL.
           SELECT EMP-FILE ASSIGN TO WS-EMP-PATH
               ORGANIZATION IS LINE SEQUENTIAL
               FILE STATUS IS WS-EMP-STATUS.
           SELECT RPT-FILE ASSIGN TO "report.txt"
               ORGANIZATION IS LINE SEQUENTIAL
               FILE STATUS IS WS-RPT-STATUS.
       DATA DIVISION.
       FILE SECTION.
       FD  EMP-FILE.
           COPY EMPREC.
       FD  RPT-FILE.
       01  RPT-LINE                    PIC X(132).
       WORKING-STORAGE SECTION.
       01  WS-EMP-PATH                 PIC X(80) VALUE SPACES.
       01  WS-FILE-STATUSES.
           05  WS-EMP-STATUS           PIC XX.
               88  EMP-IO-OK           VALUE "00" THRU "09".
           05  WS-RPT-STATUS           PIC XX.
               88  RPT-IO-OK           VALUE "00".
       01  WS-FLAGS.
           05  WS-EOF-FLAG             PIC X VALUE "N".
               88  END-OF-EMPS         VALUE "Y".
           05  WS-VALID-FLAG           PIC X VALUE "Y".
               88  RECORD-VALID        VALUE "Y".
               88  RECORD-INVALID      VALUE "N".
       01  WS-REJECT-REASON            PIC X(24) VALUE SPACES.
       01  WS-COUNTERS.
           05  WS-READ-CNT             PIC 9(5) VALUE 0.
           05  WS-SKIP-CNT             PIC 9(5) VALUE 0.
           05  WS-PAID-CNT             PIC 9(5) VALUE 0.
           05  WS-REJECT-CNT           PIC 9(5) VALUE 0.
       01  WS-SUBSCRIPTS.
           05  WS-DX                   PIC 9.
           05  WS-TX                   PIC 99.
           05  WS-DEPT-IX              PIC 99.
       01  WS-PAY-WORK.
           05  WS-OT-HOURS             PIC S9(3)V99 COMP-3.
           05  WS-GROSS                PIC S9(7)V99 COMP-3.
           05  WS-PRETAX               PIC S9(7)V99 COMP-3.
           05  WS-POSTTAX              PIC S9(7)V99 COMP-3.
           05  WS-TOTAL-TAX            PIC S9(7)V99 COMP-3.
           05  WS-NET                  PIC S9(7)V99 COMP-3.
           05  WS-AVG                  PIC S9(9)V99 COMP-3.
       01  WS-DEPT-TABLE.
           05  WS-DEPT-MAX             PIC 99 VALUE 4.
           05  WS-DEPT-COUNT           PIC 99 VALUE 0.
           05  WS-DEPT-ENTRY           OCCURS 4 TIMES.
               10  WS-DEPT-CODE        PIC X(3).
               10  WS-DEPT-HEADS       PIC 9(3) COMP-3.
               10  WS-DEPT-GROSS       PIC S9(9)V99 COMP-3.
               10  WS-DEPT-NET         PIC S9(9)V99 COMP-3.
       01  WS-GRAND-TOTALS.
           05  WS-TOT-GROSS            PIC S9(9)V99 COMP-3 VALUE 0.
           05  WS-TOT-DED              PIC S9(9)V99 COMP-3 VALUE 0.
           05  WS-TOT-FED              PIC S9(9)V99 COMP-3 VALUE 0.
           05  WS-TOT-STATE            PIC S9(9)V99 COMP-3 VALUE 0.
           05  WS-TOT-FICA             PIC S9(9)V99 COMP-3 VALUE 0.
           05  WS-TOT-NET              PIC S9(9)V99 COMP-3 VALUE 0.
       01  WS-TOTALS-TABLE REDEFINES WS-GRAND-TOTALS.
           05  WS-TOT-AMOUNT           PIC S9(9)V99 COMP-3 OCCURS 6.
       01  WS-TOTAL-LABELS.
           05  FILLER PIC X(18) VALUE "TOTAL GROSS PAY".
           05  FILLER PIC X(18) VALUE "TOTAL DEDUCTIONS".
           05  FILLER PIC X(18) VALUE "TOTAL FEDERAL TAX".
           05  FILLER PIC X(18) VALUE "TOTAL STATE TAX".
           05  FILLER PIC X(18) VALUE "TOTAL FICA".
           05  FILLER PIC X(18) VALUE "TOTAL NET PAY".
       01  WS-LABEL-TABLE REDEFINES WS-TOTAL-LABELS.
           05  WS-TOT-LABEL            PIC X(18) OCCURS 6.
           COPY TAXLINK.
      * Report lines
       01  RPT-TITLE.
           05  FILLER                  PIC X(30)
                   VALUE "PAYROLL REGISTER - BIWEEKLY".
       01  RPT-COLUMNS.
           05  FILLER                  PIC X(40)
                   VALUE "ID     NAME                 DEPT TYPE   ".
           05  FILLER                  PIC X(40)
                   VALUE "      GROSS      ADJUST    FEDERAL      ".
           05  FILLER                  PIC X(39)
                   VALUE "STATE       FICA   DEDUCTS      NET PAY".
       01  RPT-DETAIL.
           05  RD-ID                   PIC X(7).
           05  RD-NAME                 PIC X(21).
           05  RD-DEPT                 PIC X(5).
           05  RD-TYPE                 PIC X(4).
           05  RD-GROSS                PIC B$$,$$$,$$9.99-.
           05  RD-ADJUST               PIC B---,--9.99.
           05  RD-FED                  PIC BZZZ,ZZ9.99.
           05  RD-STATE                PIC BZZZ,ZZ9.99.
           05  RD-FICA                 PIC BZZZ,ZZ9.99.
           05  RD-DED                  PIC BZZ,ZZ9.99.
           05  RD-NET                  PIC BZ,ZZZ,ZZ9.99CR.
       01  RPT-REJECT.
           05  FILLER                  PIC X(13)
                   VALUE "** REJECTED: ".
           05  RR-ID                   PIC X(6).
           05  FILLER                  PIC X(3) VALUE " - ".
           05  RR-REASON               PIC X(24).
       01  RPT-DEPT-HEAD.
           05  FILLER                  PIC X(34)
                   VALUE "DEPT HEADS      TOTAL GROSS   AVER".
           05  FILLER                  PIC X(25)
                   VALUE "AGE GROSS       TOTAL NET".
       01  RPT-DEPT-LINE.
           05  RS-DEPT                 PIC X(7).
           05  RS-HEADS                PIC ZZ9.
           05  RS-GROSS                PIC BB$$$$,$$$,$$9.99-.
           05  RS-AVG                  PIC BZZZ,ZZZ,ZZ9.99-.
           05  RS-NET                  PIC BZZZ,ZZZ,ZZ9.99CR.
       01  RPT-TOTAL-LINE.
           05  RT-LABEL                PIC X(20).
           05  RT-AMOUNT               PIC $$$$,$$$,$$9.99-.
           05  FILLER                  PIC X(3) VALUE SPACES.
           05  RT-PROTECT              PIC ***,***,**9.99CR.
       01  WS-DISP-MONEY               PIC ---,---,--9.99.
       PROCEDURE DIVISION.
       0000-MAINLINE SECTION.
       0000-START.
           PERFORM 1000-INITIALIZE THRU 1000-EXIT
           PERFORM 2000-PROCESS-EMPLOYEE THRU 2000-EXIT
               UNTIL END-OF-EMPS
           PERFORM 7000-DEPT-SUMMARY
           PERFORM 7200-GRAND-TOTALS
           PERFORM 8000-FINISH
           STOP RUN.
       1000-SETUP SECTION.
       1000-INITIALIZE.
           ACCEPT WS-EMP-PATH
           OPEN INPUT EMP-FILE
           IF NOT EMP-IO-OK
               DISPLAY "PAYRUN: CANNOT OPEN EMPLOYEE FILE, STATUS "
                   WS-EMP-STATUS UPON SYSERR
               GO TO 9900-ABEND
           END-IF.
       1010-OPEN-REPORT.
           OPEN OUTPUT RPT-FILE
           IF NOT RPT-IO-OK
               DISPLAY "PAYRUN: CANNOT OPEN REPORT, STATUS "
                   WS-RPT-STATUS UPON SYSERR
               CLOSE EMP-FILE
               GO TO 9900-ABEND
           END-IF
           WRITE RPT-LINE FROM RPT-TITLE
           MOVE SPACES TO RPT-LINE
           WRITE RPT-LINE
           WRITE RPT-LINE FROM RPT-COLUMNS.
       1000-EXIT.
           EXIT.
       2000-PROCESS SECTION.
       2000-PROCESS-EMPLOYEE.
           READ EMP-FILE
               AT END
                   SET END-OF-EMPS TO TRUE
                   GO TO 2000-EXIT
           END-READ
           ADD 1 TO WS-READ-CNT
           IF EMP-COMMENT
               ADD 1 TO WS-SKIP-CNT
               GO TO 2000-EXIT
           END-IF
           SET RECORD-VALID TO TRUE
           MOVE SPACES TO WS-REJECT-REASON
           PERFORM 2100-VALIDATE THRU 2100-EXIT
           IF RECORD-VALID
               PERFORM 3000-COMPUTE-GROSS
           END-IF
           IF RECORD-VALID
               PERFORM 3100-DEDUCTIONS
               PERFORM 3200-TAXES
           END-IF
           IF RECORD-VALID
               PERFORM 3300-NET-AND-TOTALS
               PERFORM 3400-WRITE-DETAIL
           ELSE
               PERFORM 2900-REJECT
           END-IF.
       2000-EXIT.
           EXIT.
      * Field checks; the first failure names the reject reason.
       2100-VALIDATE.
           IF NOT EMP-DETAIL
               MOVE "UNKNOWN RECORD TYPE" TO WS-REJECT-REASON
               GO TO 2190-INVALID
           END-IF
           IF EMP-ID = SPACES
               MOVE "MISSING EMPLOYEE ID" TO WS-REJECT-REASON
               GO TO 2190-INVALID
           END-IF
           EVALUATE TRUE
               WHEN EMP-HOURLY
                   IF EMP-HOURS NOT NUMERIC OR EMP-RATE NOT NUMERIC
                       MOVE "BAD HOURLY PAY DATA" TO WS-REJECT-REASON
                   END-IF
               WHEN EMP-SALARIED
                   IF EMP-ANNUAL NOT NUMERIC
                       MOVE "BAD ANNUAL SALARY" TO WS-REJECT-REASON
                   END-IF
               WHEN EMP-COMMISSION
                   IF EMP-SALES NOT NUMERIC OR EMP-COMM-PCT NOT NUMERIC
                       MOVE "BAD COMMISSION DATA" TO WS-REJECT-REASON
                   ELSE
                       IF NOT EMP-COMM-PCT-OK
                           MOVE "COMMISSION RATE OVER 50"
                             TO WS-REJECT-REASON
                       END-IF
                   END-IF
               WHEN OTHER
                   MOVE "UNKNOWN PAY TYPE" TO WS-REJECT-REASON
           END-EVALUATE
           IF WS-REJECT-REASON = SPACES AND EMP-ADJUST NOT NUMERIC
               MOVE "BAD ADJUSTMENT" TO WS-REJECT-REASON
           END-IF
           IF WS-REJECT-REASON NOT = SPACES
               GO TO 2190-INVALID
           END-IF
           IF EMP-DED-COUNT NOT NUMERIC OR EMP-DED-COUNT > 3
               MOVE "BAD DEDUCTION COUNT" TO WS-REJECT-REASON
               GO TO 2190-INVALID
           END-IF
           PERFORM 2110-CHECK-DEDUCTION
               VARYING WS-DX FROM 1 BY 1
               UNTIL WS-DX > EMP-DED-COUNT OR RECORD-INVALID
           IF RECORD-VALID
               PERFORM 2120-FIND-DEPT
           END-IF
           GO TO 2100-EXIT.
       2190-INVALID.
           SET RECORD-INVALID TO TRUE.
       2100-EXIT.
           EXIT.
       2110-CHECK-DEDUCTION.
           IF EMP-DED-AMT (WS-DX) NOT NUMERIC
               MOVE "BAD DEDUCTION AMOUNT" TO WS-REJECT-REASON
               SET RECORD-INVALID TO TRUE
           ELSE
               IF NOT DED-PRETAX (WS-DX) AND NOT DED-POSTTAX (WS-DX)
                   MOVE "UNKNOWN DEDUCTION CODE" TO WS-REJECT-REASON
                   SET RECORD-INVALID TO TRUE
               END-IF
           END-IF.
      * Look the department up; add it while the table has room.
       2120-FIND-DEPT.
           MOVE 0 TO WS-DEPT-IX
           PERFORM VARYING WS-TX FROM 1 BY 1
                   UNTIL WS-TX > WS-DEPT-COUNT
               IF WS-DEPT-CODE (WS-TX) = EMP-DEPT
                   MOVE WS-TX TO WS-DEPT-IX
               END-IF
           END-PERFORM
           IF WS-DEPT-IX = 0
               IF WS-DEPT-COUNT < WS-DEPT-MAX
                   ADD 1 TO WS-DEPT-COUNT
                   MOVE WS-DEPT-COUNT TO WS-DEPT-IX
                   MOVE EMP-DEPT TO WS-DEPT-CODE (WS-DEPT-IX)
                   MOVE 0 TO WS-DEPT-HEADS (WS-DEPT-IX)
                             WS-DEPT-GROSS (WS-DEPT-IX)
                             WS-DEPT-NET (WS-DEPT-IX)
               ELSE
                   MOVE "DEPARTMENT TABLE FULL" TO WS-REJECT-REASON
                   SET RECORD-INVALID TO TRUE
               END-IF
           END-IF.
       2900-REJECT.
           ADD 1 TO WS-REJECT-CNT
           DISPLAY "PAYRUN: REJECTED " EMP-ID " " WS-REJECT-REASON
               UPON SYSERR
           MOVE EMP-ID TO RR-ID
           MOVE WS-REJECT-REASON TO RR-REASON
           WRITE RPT-LINE FROM RPT-REJECT.
       3000-PAY SECTION.
      * Hourly staff earn time and a half beyond 80 hours a period;
      * salaried pay is 1/26 of the annual amount.
       3000-COMPUTE-GROSS.
           MOVE 0 TO WS-GROSS WS-OT-HOURS
           EVALUATE TRUE
               WHEN EMP-HOURLY
                   MOVE "HRLY" TO RD-TYPE
                   IF EMP-HOURS > 80
                       SUBTRACT 80 FROM EMP-HOURS GIVING WS-OT-HOURS
                       COMPUTE WS-GROSS ROUNDED =
                           (EMP-HOURS - WS-OT-HOURS) * EMP-RATE
                           + WS-OT-HOURS * EMP-RATE * 1.5
                           ON SIZE ERROR
                               MOVE "GROSS PAY OVERFLOW"
                                 TO WS-REJECT-REASON
                               SET RECORD-INVALID TO TRUE
                       END-COMPUTE
                   ELSE
                       MULTIPLY EMP-HOURS BY EMP-RATE
                           GIVING WS-GROSS ROUNDED
                   END-IF
               WHEN EMP-SALARIED
                   MOVE "SAL" TO RD-TYPE
                   DIVIDE EMP-ANNUAL BY 26 GIVING WS-GROSS ROUNDED
               WHEN OTHER
                   MOVE "COMM" TO RD-TYPE
                   COMPUTE WS-GROSS ROUNDED =
                       EMP-SALES * EMP-COMM-PCT / 100
           END-EVALUATE
           IF RECORD-VALID
               ADD EMP-ADJUST TO WS-GROSS.
       3100-DEDUCTIONS.
           MOVE 0 TO WS-PRETAX WS-POSTTAX
           PERFORM 3110-ADD-DEDUCTION
               VARYING WS-DX FROM 1 BY 1
               UNTIL WS-DX > EMP-DED-COUNT.
       3110-ADD-DEDUCTION.
           IF DED-PRETAX (WS-DX)
               ADD EMP-DED-AMT (WS-DX) TO WS-PRETAX
           ELSE
               ADD EMP-DED-AMT (WS-DX) TO WS-POSTTAX.
       3200-TAXES.
           MOVE EMP-STATE TO TX-STATE
           MOVE EMP-FILING TO TX-FILING
           COMPUTE TX-TAXABLE = WS-GROSS - WS-PRETAX
           CALL "TAXCALC" USING TAX-PARMS
           EVALUATE TRUE
               WHEN TX-OK
                   CONTINUE
               WHEN TX-BAD-STATE
                   MOVE "UNKNOWN STATE CODE" TO WS-REJECT-REASON
                   SET RECORD-INVALID TO TRUE
               WHEN TX-BAD-FILING
                   MOVE "BAD FILING STATUS" TO WS-REJECT-REASON
                   SET RECORD-INVALID TO TRUE
               WHEN TX-OVERFLOW
                   MOVE "TAX AMOUNT OVERFLOW" TO WS-REJECT-REASON
                   SET RECORD-INVALID TO TRUE
               WHEN OTHER
                   MOVE "TAX ROUTINE FAILED" TO WS-REJECT-REASON
                   SET RECORD-INVALID TO TRUE
           END-EVALUATE.
       3300-NET-AND-TOTALS.
           COMPUTE WS-TOTAL-TAX = TX-FED-TAX + TX-STATE-TAX + TX-FICA
           COMPUTE WS-NET = WS-GROSS - WS-PRETAX - WS-POSTTAX
                          - WS-TOTAL-TAX
           ADD 1 TO WS-PAID-CNT
           ADD 1 TO WS-DEPT-HEADS (WS-DEPT-IX)
           ADD WS-GROSS TO WS-DEPT-GROSS (WS-DEPT-IX) WS-TOT-GROSS
           ADD WS-NET TO WS-DEPT-NET (WS-DEPT-IX) WS-TOT-NET
           ADD WS-PRETAX WS-POSTTAX TO WS-TOT-DED
           ADD TX-FED-TAX TO WS-TOT-FED
           ADD TX-STATE-TAX TO WS-TOT-STATE
           ADD TX-FICA TO WS-TOT-FICA.
       3400-WRITE-DETAIL.
           MOVE EMP-ID TO RD-ID
           MOVE EMP-NAME TO RD-NAME
           MOVE EMP-DEPT TO RD-DEPT
           MOVE WS-GROSS TO RD-GROSS
           MOVE EMP-ADJUST TO RD-ADJUST
           MOVE TX-FED-TAX TO RD-FED
           MOVE TX-STATE-TAX TO RD-STATE
           MOVE TX-FICA TO RD-FICA
           ADD WS-PRETAX WS-POSTTAX GIVING RD-DED
           MOVE WS-NET TO RD-NET
           WRITE RPT-LINE FROM RPT-DETAIL.
       7000-REPORT SECTION.
       7000-DEPT-SUMMARY.
           MOVE SPACES TO RPT-LINE
           WRITE RPT-LINE
           WRITE RPT-LINE FROM RPT-DEPT-HEAD
           PERFORM 7100-DEPT-LINE
               VARYING WS-TX FROM 1 BY 1
               UNTIL WS-TX > WS-DEPT-COUNT.
       7100-DEPT-LINE.
           MOVE WS-DEPT-CODE (WS-TX) TO RS-DEPT
           MOVE WS-DEPT-HEADS (WS-TX) TO RS-HEADS
           MOVE WS-DEPT-GROSS (WS-TX) TO RS-GROSS
           MOVE WS-DEPT-NET (WS-TX) TO RS-NET
           IF WS-DEPT-HEADS (WS-TX) > 0
               DIVIDE WS-DEPT-GROSS (WS-TX) BY WS-DEPT-HEADS (WS-TX)
                   GIVING WS-AVG ROUNDED
           ELSE
               MOVE 0 TO WS-AVG.
           MOVE WS-AVG TO RS-AVG
           WRITE RPT-LINE FROM RPT-DEPT-LINE.
       7200-GRAND-TOTALS.
           MOVE SPACES TO RPT-LINE
           WRITE RPT-LINE
           PERFORM VARYING WS-TX FROM 1 BY 1 UNTIL WS-TX > 6
               MOVE WS-TOT-LABEL (WS-TX) TO RT-LABEL
               MOVE WS-TOT-AMOUNT (WS-TX) TO RT-AMOUNT RT-PROTECT
               WRITE RPT-LINE FROM RPT-TOTAL-LINE
           END-PERFORM.
       8000-TERMINATION SECTION.
       8000-FINISH.
           CLOSE EMP-FILE RPT-FILE
           DISPLAY "PAYRUN SUMMARY"
           DISPLAY "  RECORDS READ ....... " WS-READ-CNT
           DISPLAY "  COMMENTS SKIPPED ... " WS-SKIP-CNT
           DISPLAY "  EMPLOYEES PAID ..... " WS-PAID-CNT
           DISPLAY "  RECORDS REJECTED ... " WS-REJECT-CNT
           MOVE WS-TOT-GROSS TO WS-DISP-MONEY
           DISPLAY "  TOTAL GROSS ........ " WS-DISP-MONEY
           MOVE WS-TOT-NET TO WS-DISP-MONEY
           DISPLAY "  TOTAL NET .......... " WS-DISP-MONEY
           DISPLAY "  NET CHECK VALUE .... " WS-TOT-NET
           IF WS-REJECT-CNT > 0
               MOVE 4 TO RETURN-CODE
           ELSE
               MOVE 0 TO RETURN-CODE.
       9900-ABEND.
           DISPLAY "PAYRUN ABENDED"
           MOVE 16 TO RETURN-CODE
           STOP RUN.
