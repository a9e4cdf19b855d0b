"""Readers: bytes → Document (see registry)."""

from .registry import READERS, Reader, read_bytes, register, sniff_format

__all__ = ["READERS", "Reader", "read_bytes", "register", "sniff_format"]
