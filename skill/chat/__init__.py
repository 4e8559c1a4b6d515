"""The local text chat: words resolved with the interaction model into real request envelopes."""
