"""`sitegen edit`: a local editor in the browser for workers who never open a terminal.

forms (inputs from the schema) · store (files in, files out, checked as `check` does) ·
server (127.0.0.1, token, Host and origin checks) · static/ (one page, plain JavaScript, no CDN).
"""
