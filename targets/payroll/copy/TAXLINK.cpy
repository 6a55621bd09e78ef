      * TAXLINK - parameter block passed by PAYRUN to TAXCALC.
       01  TAX-PARMS.
           05  TX-STATE                PIC XX.
           05  TX-FILING               PIC X.
           05  TX-TAXABLE              PIC S9(7)V99 COMP-3.
           05  TX-FED-TAX              PIC S9(6)V99 COMP-3.
           05  TX-STATE-TAX            PIC S9(6)V99 COMP-3.
           05  TX-FICA                 PIC S9(6)V99 COMP-3.
           05  TX-RETURN               PIC 99.
               88  TX-OK               VALUE 0.
               88  TX-BAD-STATE        VALUE 10.
               88  TX-BAD-FILING       VALUE 11.
               88  TX-OVERFLOW         VALUE 20 THRU 29.
