"""Built-in outputs that are not theme pages: Atom feed, sitemap, calendar, robots.txt."""
