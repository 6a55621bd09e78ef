"""COBOL frontend: normalisation, tree-sitter parse under a watchdog, units."""
