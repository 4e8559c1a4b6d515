"""Thin request handlers: read the request, call the coach, build the reply."""
