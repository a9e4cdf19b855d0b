"""forumlens: a cited record of IGF sessions."""
__version__ = "0.1.0"
