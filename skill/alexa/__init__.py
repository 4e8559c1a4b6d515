"""Clients for Alexa's own APIs (Settings, Reminders) through the SDK's service clients."""
