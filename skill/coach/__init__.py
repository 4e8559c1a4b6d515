"""The kaizen rules: ladders, progression, momentum and milestones. Pure: no SDK, no I/O."""
