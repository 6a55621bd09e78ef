      * EMPREC - employee pay record, one 83-character line each.  The
      * pay block is read three ways (REDEFINES) by EMP-PAY-TYPE.
       01  EMP-RECORD.
           05  EMP-REC-TYPE            PIC X.
               88  EMP-DETAIL          VALUE "E".
               88  EMP-COMMENT         VALUE "*" "#" SPACE.
           05  EMP-ID                  PIC X(6).
           05  EMP-NAME                PIC X(20).
           05  EMP-DEPT                PIC X(3).
           05  EMP-STATE               PIC XX.
           05  EMP-FILING              PIC X.
           05  EMP-PAY-TYPE            PIC X.
               88  EMP-HOURLY          VALUE "H".
               88  EMP-SALARIED        VALUE "S".
               88  EMP-COMMISSION      VALUE "C".
           05  EMP-PAY-DATA            PIC X(16).
           05  EMP-HOURLY-DATA REDEFINES EMP-PAY-DATA.
               10  EMP-HOURS           PIC 9(3)V99.
               10  EMP-RATE            PIC 9(4)V999.
               10  FILLER              PIC X(4).
           05  EMP-SALARY-DATA REDEFINES EMP-PAY-DATA.
               10  EMP-ANNUAL          PIC 9(7)V99.
               10  FILLER              PIC X(7).
           05  EMP-COMMISSION-DATA REDEFINES EMP-PAY-DATA.
               10  EMP-SALES           PIC 9(7)V99.
               10  EMP-COMM-PCT        PIC 99V99.
                   88  EMP-COMM-PCT-OK VALUE 0 THRU 50.00.
               10  FILLER              PIC X(3).
           05  EMP-ADJUST              PIC S9(5)V99
                                       SIGN IS LEADING SEPARATE.
           05  EMP-DED-COUNT           PIC 9.
           05  EMP-DEDUCTION           OCCURS 3 TIMES.
               10  EMP-DED-CODE        PIC XX.
                   88  DED-PRETAX      VALUE "R1" "HI".
                   88  DED-POSTTAX     VALUE "UN" "GA" "LN".
               10  EMP-DED-AMT         PIC 9(4)V99.
