"""The command line: parse arguments, call a stage, render. Only this package prints."""
