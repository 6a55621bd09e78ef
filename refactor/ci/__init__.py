"""CI: `refactor ci`'s parts (GitHub Actions outputs and annotations, the ratchet, shards)."""
