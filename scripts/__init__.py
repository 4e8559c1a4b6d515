"""Build and test tooling run from the Makefile: packaging, dynalite, benchmarks."""
