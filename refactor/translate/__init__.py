"""Translation backends: C to Rust (`translate.c`)."""
