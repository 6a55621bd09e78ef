"""The LLM backend: translation and repair loops over any OpenAI-compatible endpoint."""
