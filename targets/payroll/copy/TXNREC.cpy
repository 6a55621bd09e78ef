      *> TXNREC - general ledger journal transaction, 60 characters.
      *> Comment lines use "*>" so this copybook also reads correctly
      *> when it is copied into the free-format LEDGER program.
       01  TXN-RECORD.
           05  TXN-ACCOUNT             PIC 9(4).
               88  TXN-ACCT-VALID      VALUE 1000 THRU 6999.
           05  TXN-ACCOUNT-X REDEFINES TXN-ACCOUNT
                                       PIC X(4).
           05  TXN-TYPE                PIC X.
               88  TXN-DEBIT           VALUE "D".
               88  TXN-CREDIT          VALUE "C".
               88  TXN-TYPE-OK         VALUE "D" "C".
           05  TXN-AMOUNT              PIC S9(7)V99
                                       SIGN IS LEADING SEPARATE.
           05  TXN-REF                 PIC X(8).
           05  TXN-MEMO                PIC X(37).
