"""C frontend: tree-sitter-c parse, units and references."""
