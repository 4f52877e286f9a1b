"""sitegen: community notice boards (社区公示栏) as a static website and printable posters."""

__version__ = "0.1.0"
