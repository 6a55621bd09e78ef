#!/bin/sh
# Rebuild the payroll programs with GnuCOBOL 3.1.2 and regenerate every
# expected output in workloads/ by running the compiled programs, each
# workload in a fresh copy of the built directory (as the test does).
# The build commands and workload list must match targets/payroll.toml.
set -eu
src=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cp -R "$src" "$work/build"
cd "$work/build"
rm -rf bin
mkdir -p bin
cobc -x -std=default -I copy -o bin/payrun src/payrun.cbl src/taxcalc.cbl
cobc -x -std=default -I copy -o bin/ledger src/ledger.cbl

# run NAME PROGRAM OUTPUT-FILE: stdin is workloads/NAME.in; stdout,
# stderr and OUTPUT-FILE (if any) become the expected files.
run() {
    name=$1 prog=$2 out=$3
    rm -rf "$work/run"
    cp -R "$work/build" "$work/run"
    status=0
    (cd "$work/run" && "bin/$prog" <"workloads/$name.in" \
        >"$src/workloads/$name.out" 2>"$src/workloads/$name.err") ||
        status=$?
    if [ -n "$out" ]; then
        cp "$work/run/$out" "$src/workloads/$name.report.expected"
    fi
    echo "$name: exit status $status"
}

run basic payrun report.txt
run empty payrun report.txt
run errors payrun report.txt
run boundary payrun report.txt
run missing payrun ""
run ledger ledger ledger.txt
