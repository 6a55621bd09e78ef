"""The Great Refactor orchestrator: legacy C and COBOL to memory-safe Rust, unit by unit."""

__version__ = "0.1.0"
