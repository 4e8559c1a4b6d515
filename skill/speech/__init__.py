"""Every spoken word, per locale, loaded once; SSML building and escaping."""
