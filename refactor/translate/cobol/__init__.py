"""COBOL to Rust: the data model, the runtime module generated into crates, translation."""
