"""Kaizen Coach: an Alexa skill for changing life through tiny, steady steps."""
