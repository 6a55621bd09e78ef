"""JSON Schemas of the machine-readable outputs (kept in step with shared/contracts)."""
