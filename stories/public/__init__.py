"""What readers see without logging in: the published articles' pages, the Atom feed and
the ninjs JSON. `articles` says which versions the public may see; `views` and `urls`
serve them (mounted at /news/); `ninjs` writes an article as IPTC ninjs 2.0."""
