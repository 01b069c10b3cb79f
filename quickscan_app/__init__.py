"""Quickscan: the national-security quickscan for public procurement."""

__version__ = "0.1.0"
