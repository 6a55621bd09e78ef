       >>SOURCE FORMAT FREE
*> LEDGER - posts journal batches to the general ledger and prints a
*> trial balance to ledger.txt.  Journal file names come from standard
*> input, one per line, up to a line reading END; each journal is a
*> batch whose debits must equal its credits.  Return code 0 = clean,
*> 4 = rejected transactions or missing journals, 8 = out of balance.
IDENTIFICATION DIVISION.
PROGRAM-ID. LEDGER.
ENVIRONMENT DIVISION.
INPUT-OUTPUT SECTION.
FILE-CONTROL.
    SELECT JOURNAL-FILE ASSIGN TO WS-JOURNAL-PATH
        ORGANIZATION IS LINE SEQUENTIAL
        FILE STATUS IS WS-JRN-STATUS.
    SELECT LEDGER-REPORT ASSIGN TO "ledger.txt"
        ORGANIZATION IS LINE SEQUENTIAL.
DATA DIVISION.
FILE SECTION.
FD  JOURNAL-FILE.
    COPY TXNREC.
FD  LEDGER-REPORT.
01  LEDGER-LINE                     PIC X(100).
WORKING-STORAGE SECTION.
01  WS-JOURNAL-PATH                 PIC X(80).
01  WS-JRN-STATUS                   PIC XX.
    88  JRN-OK                      VALUE "00" THRU "09".
01  WS-FLAGS.
    05  WS-MORE-FLAG                PIC X VALUE "Y".
        88  NO-MORE-JOURNALS        VALUE "N".
    05  WS-EOF-FLAG                 PIC X VALUE "N".
        88  JOURNAL-DONE            VALUE "Y".
    05  WS-TXN-FLAG                 PIC X VALUE "Y".
        88  TXN-GOOD                VALUE "Y".
        88  TXN-BAD                 VALUE "N".
    05  WS-FOUND-FLAG               PIC X VALUE "N".
        88  ACCOUNT-FOUND           VALUE "Y".
    05  WS-BALANCE-FLAG             PIC X VALUE "Y".
        88  SOME-BATCH-OFF          VALUE "N".
01  WS-COUNTS.
    05  WS-BATCH-NO                 PIC 99 VALUE 0.
    05  WS-MISSING-CNT              PIC 99 VALUE 0.
    05  WS-TXN-CNT                  PIC 9(5) VALUE 0.
    05  WS-POSTED-CNT               PIC 9(5) VALUE 0.
    05  WS-REJECT-CNT               PIC 9(5) VALUE 0.
    05  WS-BATCH-TXNS               PIC 9(5) VALUE 0.
01  WS-BATCH-DR                     PIC S9(9)V99 COMP-3.
01  WS-BATCH-CR                     PIC S9(9)V99 COMP-3.
01  WS-TB-DR                        PIC S9(9)V99 COMP-3 VALUE 0.
01  WS-TB-CR                        PIC S9(9)V99 COMP-3 VALUE 0.
01  WS-DIFF                         PIC S9(9)V99 COMP-3.
01  WS-REASON                       PIC X(20) VALUE SPACES.
01  WS-ACCOUNT-TABLE.
    05  WS-ACCT-MAX                 PIC 99 VALUE 8.
    05  WS-ACCT-COUNT               PIC 99 VALUE 0.
    05  WS-ACCT-ENTRY               OCCURS 8 TIMES.
        10  LA-ACCOUNT              PIC 9(4).
            88  LA-ASSET            VALUE 1000 THRU 1999.
            88  LA-LIABILITY        VALUE 2000 THRU 2999.
            88  LA-EQUITY           VALUE 3000 THRU 3999.
            88  LA-REVENUE          VALUE 4000 THRU 4999.
            88  LA-EXPENSE          VALUE 5000 THRU 6999.
            88  LA-DEBIT-NORMAL     VALUE 1000 THRU 1999
                                          5000 THRU 6999.
        10  LA-POSTINGS             PIC 9(3) COMP-3.
        10  LA-BALANCE              PIC S9(7)V99 COMP-3.
01  WS-AX                           PIC 99.
01  WS-POS                          PIC 99.
01  WS-J                            PIC 99.
01  RPT-BATCH-LINE.
    05  FILLER                      PIC X(6) VALUE "BATCH ".
    05  BL-BATCH                    PIC Z9.
    05  FILLER                      PIC X(7) VALUE "  TXNS ".
    05  BL-TXNS                     PIC ZZZZ9.
    05  FILLER                      PIC X(9) VALUE "  DEBITS ".
    05  BL-DEBITS                   PIC ZZ,ZZZ,ZZ9.99-.
    05  FILLER                      PIC X(10) VALUE "  CREDITS ".
    05  BL-CREDITS                  PIC ZZ,ZZZ,ZZ9.99-.
    05  FILLER                      PIC XX VALUE SPACES.
    05  BL-STATUS                   PIC X(14).
01  RPT-TB-HEAD.
    05  FILLER                      PIC X(35)
            VALUE "ACCT  CLASS    POSTS          DEBIT".
    05  FILLER                      PIC X(21)
            VALUE "         CREDIT  FLAG".
01  RPT-TB-LINE.
    05  TB-ACCOUNT                  PIC 9(4)BB.
    05  TB-CLASS                    PIC X(11).
    05  TB-POSTS                    PIC ZZ9.
    05  TB-DEBIT                    PIC BBZZ,ZZZ,ZZ9.99 BLANK WHEN ZERO.
    05  TB-CREDIT                   PIC BBZZ,ZZZ,ZZ9.99 BLANK WHEN ZERO.
    05  FILLER                      PIC XX VALUE SPACES.
    05  TB-FLAG                     PIC X(8).
01  RPT-TB-TOTAL.
    05  FILLER                      PIC X(21) VALUE "TOTALS".
    05  TT-DEBIT                    PIC $$$,$$$,$$9.99.
    05  FILLER                      PIC X VALUE SPACE.
    05  TT-CREDIT                   PIC $$$,$$$,$$9.99.
    05  FILLER                      PIC X(8) VALUE "   NET ".
    05  TT-NET                      PIC Z,ZZZ,ZZ9.99DB.

PROCEDURE DIVISION.
MAIN-PARA.
    OPEN OUTPUT LEDGER-REPORT
    MOVE "GENERAL LEDGER POSTING REPORT" TO LEDGER-LINE
    WRITE LEDGER-LINE
    PERFORM NEXT-JOURNAL UNTIL NO-MORE-JOURNALS
    PERFORM PRINT-TRIAL-BALANCE
    CLOSE LEDGER-REPORT
    PERFORM PRINT-SUMMARY
    STOP RUN.

NEXT-JOURNAL.
    MOVE SPACES TO WS-JOURNAL-PATH
    ACCEPT WS-JOURNAL-PATH
    IF WS-JOURNAL-PATH = SPACES OR "END"
        SET NO-MORE-JOURNALS TO TRUE
    ELSE
        PERFORM POST-JOURNAL
    END-IF.

POST-JOURNAL.
    ADD 1 TO WS-BATCH-NO
    OPEN INPUT JOURNAL-FILE
    IF NOT JRN-OK
        ADD 1 TO WS-MISSING-CNT
        DISPLAY "LEDGER: BATCH " WS-BATCH-NO " NOT OPENED, STATUS "
            WS-JRN-STATUS UPON SYSERR
    ELSE
        MOVE 0 TO WS-BATCH-DR WS-BATCH-CR WS-BATCH-TXNS
        MOVE "N" TO WS-EOF-FLAG
        PERFORM UNTIL JOURNAL-DONE
            READ JOURNAL-FILE
                AT END
                    SET JOURNAL-DONE TO TRUE
                NOT AT END
                    ADD 1 TO WS-TXN-CNT WS-BATCH-TXNS
                    PERFORM POST-TRANSACTION
            END-READ
        END-PERFORM
        CLOSE JOURNAL-FILE
        PERFORM BATCH-TOTALS
    END-IF.

POST-TRANSACTION.
    SET TXN-GOOD TO TRUE
    EVALUATE TRUE
        WHEN TXN-ACCOUNT-X NOT NUMERIC
            MOVE "BAD ACCOUNT NUMBER" TO WS-REASON
        WHEN NOT TXN-ACCT-VALID
            MOVE "NO SUCH ACCOUNT" TO WS-REASON
        WHEN NOT TXN-TYPE-OK
            MOVE "BAD DEBIT/CREDIT" TO WS-REASON
        WHEN TXN-AMOUNT NOT NUMERIC
            MOVE "BAD AMOUNT" TO WS-REASON
        WHEN OTHER
            PERFORM LOCATE-ACCOUNT
    END-EVALUATE
    IF WS-REASON NOT = SPACES
        SET TXN-BAD TO TRUE
    END-IF
    IF TXN-GOOD
        PERFORM APPLY-AMOUNT
    END-IF
    IF TXN-BAD
        ADD 1 TO WS-REJECT-CNT
        DISPLAY "LEDGER: REJECTED " TXN-REF " " WS-REASON UPON SYSERR
    END-IF
    MOVE SPACES TO WS-REASON.

*> The table is kept in account order: WS-POS ends on the entry for
*> the account, or on the slot where a new account belongs.
LOCATE-ACCOUNT.
    MOVE 1 TO WS-POS
    MOVE "N" TO WS-FOUND-FLAG
    PERFORM VARYING WS-AX FROM 1 BY 1 UNTIL WS-AX > WS-ACCT-COUNT
        IF LA-ACCOUNT (WS-AX) < TXN-ACCOUNT
            COMPUTE WS-POS = WS-AX + 1
        END-IF
        IF LA-ACCOUNT (WS-AX) = TXN-ACCOUNT
            SET ACCOUNT-FOUND TO TRUE
        END-IF
    END-PERFORM
    IF NOT ACCOUNT-FOUND
        IF WS-ACCT-COUNT < WS-ACCT-MAX
            PERFORM INSERT-ACCOUNT
        ELSE
            MOVE "ACCOUNT TABLE FULL" TO WS-REASON
        END-IF
    END-IF.

INSERT-ACCOUNT.
    PERFORM VARYING WS-J FROM WS-ACCT-COUNT BY -1 UNTIL WS-J < WS-POS
        MOVE WS-ACCT-ENTRY (WS-J) TO WS-ACCT-ENTRY (WS-J + 1)
    END-PERFORM
    ADD 1 TO WS-ACCT-COUNT
    MOVE TXN-ACCOUNT TO LA-ACCOUNT (WS-POS)
    MOVE 0 TO LA-POSTINGS (WS-POS) LA-BALANCE (WS-POS).

*> Balances are debit-positive; the account balance is left unchanged
*> when the posting would overflow it.
APPLY-AMOUNT.
    IF TXN-DEBIT
        ADD TXN-AMOUNT TO LA-BALANCE (WS-POS)
            ON SIZE ERROR
                MOVE "BALANCE OVERFLOW" TO WS-REASON
                SET TXN-BAD TO TRUE
            NOT ON SIZE ERROR
                ADD TXN-AMOUNT TO WS-BATCH-DR
        END-ADD
    ELSE
        SUBTRACT TXN-AMOUNT FROM LA-BALANCE (WS-POS)
            ON SIZE ERROR
                MOVE "BALANCE OVERFLOW" TO WS-REASON
                SET TXN-BAD TO TRUE
            NOT ON SIZE ERROR
                ADD TXN-AMOUNT TO WS-BATCH-CR
        END-SUBTRACT
    END-IF
    IF TXN-GOOD
        ADD 1 TO LA-POSTINGS (WS-POS) WS-POSTED-CNT
    END-IF.

BATCH-TOTALS.
    MOVE WS-BATCH-NO TO BL-BATCH
    MOVE WS-BATCH-TXNS TO BL-TXNS
    MOVE WS-BATCH-DR TO BL-DEBITS
    MOVE WS-BATCH-CR TO BL-CREDITS
    IF WS-BATCH-DR = WS-BATCH-CR
        MOVE "IN BALANCE" TO BL-STATUS
    ELSE
        MOVE "OUT OF BALANCE" TO BL-STATUS
        SET SOME-BATCH-OFF TO TRUE
    END-IF
    WRITE LEDGER-LINE FROM RPT-BATCH-LINE.

PRINT-TRIAL-BALANCE.
    MOVE SPACES TO LEDGER-LINE
    WRITE LEDGER-LINE
    MOVE "TRIAL BALANCE" TO LEDGER-LINE
    WRITE LEDGER-LINE
    WRITE LEDGER-LINE FROM RPT-TB-HEAD
    PERFORM VARYING WS-AX FROM 1 BY 1 UNTIL WS-AX > WS-ACCT-COUNT
        PERFORM PRINT-ACCOUNT-LINE
    END-PERFORM
    COMPUTE WS-DIFF = WS-TB-CR - WS-TB-DR
    MOVE WS-TB-DR TO TT-DEBIT
    MOVE WS-TB-CR TO TT-CREDIT
    MOVE WS-DIFF TO TT-NET
    WRITE LEDGER-LINE FROM RPT-TB-TOTAL.

PRINT-ACCOUNT-LINE.
    MOVE LA-ACCOUNT (WS-AX) TO TB-ACCOUNT
    MOVE LA-POSTINGS (WS-AX) TO TB-POSTS
    EVALUATE TRUE
        WHEN LA-ASSET (WS-AX)      MOVE "ASSET" TO TB-CLASS
        WHEN LA-LIABILITY (WS-AX)  MOVE "LIABILITY" TO TB-CLASS
        WHEN LA-EQUITY (WS-AX)     MOVE "EQUITY" TO TB-CLASS
        WHEN LA-REVENUE (WS-AX)    MOVE "REVENUE" TO TB-CLASS
        WHEN OTHER                 MOVE "EXPENSE" TO TB-CLASS
    END-EVALUATE
    IF LA-BALANCE (WS-AX) < 0
        MOVE 0 TO TB-DEBIT
        COMPUTE TB-CREDIT = 0 - LA-BALANCE (WS-AX)
        SUBTRACT LA-BALANCE (WS-AX) FROM WS-TB-CR
    ELSE
        MOVE LA-BALANCE (WS-AX) TO TB-DEBIT
        MOVE 0 TO TB-CREDIT
        ADD LA-BALANCE (WS-AX) TO WS-TB-DR
    END-IF
*>  Assets and expenses normally carry debit balances, the rest credit.
    EVALUATE TRUE ALSO TRUE
        WHEN LA-DEBIT-NORMAL (WS-AX) ALSO LA-BALANCE (WS-AX) < 0
        WHEN NOT LA-DEBIT-NORMAL (WS-AX) ALSO LA-BALANCE (WS-AX) > 0
            MOVE "ABNORMAL" TO TB-FLAG
        WHEN OTHER
            MOVE SPACES TO TB-FLAG
    END-EVALUATE
    WRITE LEDGER-LINE FROM RPT-TB-LINE.

PRINT-SUMMARY.
    DISPLAY "LEDGER SUMMARY"
    DISPLAY "  BATCHES ............ " WS-BATCH-NO
    DISPLAY "  MISSING JOURNALS ... " WS-MISSING-CNT
    DISPLAY "  TRANSACTIONS ....... " WS-TXN-CNT
    DISPLAY "  POSTED ............. " WS-POSTED-CNT
    DISPLAY "  REJECTED ........... " WS-REJECT-CNT
    DISPLAY "  ACCOUNTS ........... " WS-ACCT-COUNT
    DISPLAY "  CREDITS LESS DEBITS  " WS-DIFF
    EVALUATE TRUE
        WHEN SOME-BATCH-OFF
            DISPLAY "  STATUS: OUT OF BALANCE"
            MOVE 8 TO RETURN-CODE
        WHEN WS-REJECT-CNT > 0 OR WS-MISSING-CNT > 0
            DISPLAY "  STATUS: POSTED WITH ERRORS"
            MOVE 4 TO RETURN-CODE
        WHEN OTHER
            DISPLAY "  STATUS: OK"
            MOVE 0 TO RETURN-CODE
    END-EVALUATE.
